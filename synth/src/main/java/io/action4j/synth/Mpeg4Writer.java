package io.action4j.synth;

import io.action4j.api.io.AtomicFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameRecorder;

/**
 * Writes RGB24 frames as an MPEG-4 Part 2 video in an MP4 file: FFmpeg's own encoder, present in
 * every FFmpeg build (the LGPL one JavaCV bundles included), at near-lossless quantiser 2 with a
 * keyframe every {@link #GOP} frames so sparse sampling seeks cheaply. One encoder thread: the same
 * frames give the same bytes. The file appears under its name only when complete.
 */
final class Mpeg4Writer {

    static final int GOP = 8;
    private static final int QUANTISER = 2;

    static {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
    }

    private Mpeg4Writer() {
    }

    static void write(Path target, List<byte[]> frames, int width, int height, double fps) throws IOException {
        AtomicFiles.write(target, partial -> encode(partial, frames, width, height, fps));
    }

    private static void encode(Path file, List<byte[]> frames, int width, int height, double fps) throws IOException {
        FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), width, height, 0);
        recorder.setFormat("mp4");
        recorder.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
        recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
        recorder.setFrameRate(fps);
        recorder.setVideoQuality(QUANTISER);
        recorder.setGopSize(GOP);
        recorder.setVideoOption("threads", "1");
        ByteBuffer pixels = ByteBuffer.allocateDirect(width * height * 3);
        try {
            recorder.start();
            for (byte[] frame : frames) {
                pixels.clear();
                pixels.put(frame).flip();
                recorder.recordImage(width, height, Frame.DEPTH_UBYTE, 3, width * 3, avutil.AV_PIX_FMT_RGB24, pixels);
            }
            recorder.stop();
        } catch (FrameRecorder.Exception e) {
            throw new IOException(file + ": cannot write the video (" + e.getMessage() + ")", e);
        } finally {
            release(recorder);
        }
    }

    private static void release(FFmpegFrameRecorder recorder) {
        try {
            recorder.release();
        } catch (FrameRecorder.Exception e) {
            // Nothing left to save: the file is deleted or already complete.
        }
    }
}
