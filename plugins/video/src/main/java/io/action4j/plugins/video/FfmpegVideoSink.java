package io.action4j.plugins.video;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.FONT_HERSHEY_SIMPLEX;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_AA;
import static org.bytedeco.opencv.global.opencv_imgproc.putText;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;

import io.action4j.api.io.AtomicFiles;
import io.action4j.api.video.Overlay;
import io.action4j.api.video.VideoException;
import io.action4j.api.video.VideoFormat;
import io.action4j.api.video.VideoFrame;
import io.action4j.api.video.VideoSink;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameRecorder;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * An MPEG-4 Part 2 video in MP4 written through FFmpeg into a temporary file beside its target, which
 * replaces the target only when {@link #finish()} succeeds. Overlays are drawn with OpenCV on a copy of
 * each frame, scaled with the frame height.
 */
final class FfmpegVideoSink implements VideoSink {

    /** How JavaCV reports an FFmpeg error code: {@code avformat_write_header error() error -27: ...}. */
    private static final Pattern FFMPEG_ERROR = Pattern.compile("error (-\\d+)");

    static {
        FfmpegLogs.apply();
    }

    private static final Scalar OUTLINE = new Scalar(0, 0, 0, 0);
    private static final Scalar TEXT = new Scalar(255, 255, 255, 0);
    private static final Scalar BOX = new Scalar(0, 255, 0, 0);

    private final Path target;
    private final VideoFormat format;
    private final AtomicFiles.Pending pending;
    private final FFmpegFrameRecorder recorder;
    private final ByteBuffer pixels;
    private final Mat canvas;
    private final double scale;
    private boolean finished;

    private FfmpegVideoSink(Path target, VideoFormat format, AtomicFiles.Pending pending, FFmpegFrameRecorder recorder) {
        this.target = target;
        this.format = format;
        this.pending = pending;
        this.recorder = recorder;
        this.pixels = ByteBuffer.allocateDirect(format.width() * format.height() * 3);
        this.canvas = new Mat(format.height(), format.width(), CV_8UC3, new BytePointer(pixels));
        this.scale = Math.max(0.35, format.height() / 480.0);
    }

    static VideoSink open(Path target, VideoFormat format, FfmpegWriterConfig config) throws VideoException {
        AtomicFiles.Pending pending;
        try {
            pending = AtomicFiles.pending(target);
        } catch (IOException e) {
            throw new VideoException(target, "cannot write the video (" + e.getMessage() + ")", e);
        }
        FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(pending.temporary().toFile(), format.width(),
                format.height(), 0);
        recorder.setFormat("mp4");
        recorder.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
        recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
        recorder.setFrameRate(format.fps());
        recorder.setVideoQuality(format.quantiser());
        if (format.keyframeInterval() > 0) {
            recorder.setGopSize(format.keyframeInterval());
        }
        recorder.setVideoOption("threads", Integer.toString(config.threads()));
        try {
            recorder.start();
        } catch (FrameRecorder.Exception e) {
            release(recorder);
            closeQuietly(pending);
            throw new VideoException(target, "cannot start the encoder: " + reason(e), e);
        }
        return new FfmpegVideoSink(target, format, pending, recorder);
    }

    @Override
    public void write(VideoFrame frame, Overlay overlay) throws VideoException {
        if (finished) {
            throw new IllegalStateException(target + ": the video is finished");
        }
        if (frame.width() != format.width() || frame.height() != format.height() || frame.channels() != 3) {
            throw new VideoException(target, "frame " + frame.index() + " is " + frame.width() + "x" + frame.height()
                    + "x" + frame.channels() + ", the video takes " + format.width() + "x" + format.height() + "x3 (RGB)");
        }
        pixels.clear();
        pixels.put(frame.pixels()).flip();
        draw(overlay);
        try {
            recorder.recordImage(format.width(), format.height(), Frame.DEPTH_UBYTE, 3, format.width() * 3,
                    avutil.AV_PIX_FMT_RGB24, pixels);
        } catch (FrameRecorder.Exception e) {
            throw new VideoException(target, "cannot encode frame " + frame.index() + ": " + reason(e), e);
        }
    }

    /** Draws on the frame's copy in {@link #pixels}; white on a dark outline reads on any background. */
    private void draw(Overlay overlay) {
        if (overlay.isEmpty()) {
            return;
        }
        int lineHeight = (int) Math.round(28 * scale);
        int outline = Math.max(2, (int) Math.round(3 * scale));
        int stroke = Math.max(1, (int) Math.round(scale));
        for (Overlay.Box box : overlay.boxes()) {
            try (Point topLeft = new Point((int) Math.round(box.x1()), (int) Math.round(box.y1()));
                 Point bottomRight = new Point((int) Math.round(box.x2()), (int) Math.round(box.y2()))) {
                rectangle(canvas, topLeft, bottomRight, OUTLINE, outline + 1, LINE_AA, 0);
                rectangle(canvas, topLeft, bottomRight, BOX, Math.max(1, outline - 1), LINE_AA, 0);
            }
            if (!box.label().isEmpty()) {
                int y = Math.max(lineHeight / 2, (int) Math.round(box.y1()) - stroke - 2);
                text(box.label(), (int) Math.round(box.x1()), y, 0.7 * scale, outline, stroke);
            }
        }
        for (int i = 0; i < overlay.lines().size(); i++) {
            text(overlay.lines().get(i), Math.max(2, lineHeight / 3), lineHeight * (i + 1), scale, outline, stroke);
        }
    }

    private void text(String text, int x, int y, double size, int outline, int stroke) {
        try (Point origin = new Point(x, y)) {
            putText(canvas, text, origin, FONT_HERSHEY_SIMPLEX, size, OUTLINE, outline, LINE_AA, false);
            putText(canvas, text, origin, FONT_HERSHEY_SIMPLEX, size, TEXT, stroke, LINE_AA, false);
        }
    }

    @Override
    public void finish() throws VideoException {
        try {
            recorder.stop();
            pending.commit();
            finished = true;
        } catch (IOException e) {
            throw new VideoException(target, "cannot finish the video: " + reason(e), e);
        }
    }

    @Override
    public void close() throws VideoException {
        release(recorder);
        canvas.close();
        try {
            pending.close();
        } catch (IOException e) {
            throw new VideoException(target, "cannot remove the unfinished video " + pending.temporary(), e);
        }
    }

    /**
     * JavaCV's message in FFmpeg's words for the error code it carries ({@code error -27}: "file too large"), without
     * JavaCV's hint about its log callback or the temporary file's name; other messages as they are.
     */
    static String reason(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        Matcher code = FFMPEG_ERROR.matcher(message);
        if (code.find()) {
            try (BytePointer text = new BytePointer(256)) {
                if (avutil.av_strerror(Integer.parseInt(code.group(1)), text, 256) == 0) {
                    // The words end at their NUL: a 256-byte pointer's getString() would return the bytes after it too.
                    String words = text.getString();
                    int end = words.indexOf('\0');
                    words = (end < 0 ? words : words.substring(0, end)).strip();
                    if (!words.isEmpty()) {
                        return Character.toLowerCase(words.charAt(0)) + words.substring(1);
                    }
                }
            }
        }
        return message.replace(" (For more details, make sure FFmpegLogCallback.set() has been called.)", "");
    }

    private static void release(FFmpegFrameRecorder recorder) {
        try {
            recorder.release();
        } catch (FrameRecorder.Exception e) {
            // Nothing left to save: the file is discarded or already complete.
        }
    }

    private static void closeQuietly(AtomicFiles.Pending pending) {
        try {
            pending.close();
        } catch (IOException e) {
            // The temporary file stays behind; its name marks it as partial.
        }
    }
}
