package io.action4j.launcher;

import io.action4j.api.io.AtomicFiles;
import static org.bytedeco.opencv.global.opencv_imgproc.FONT_HERSHEY_SIMPLEX;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_AA;
import static org.bytedeco.opencv.global.opencv_imgproc.putText;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.FrameRecorder;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * Writes a copy of a video with lines of text (the recognised labels) drawn in its top-left
 * corner on every frame: MPEG-4 in MP4, the source's size and frame rate. Frames are streamed, one
 * at a time; the file appears under its name only once complete.
 */
final class AnnotatedVideo {

    private AnnotatedVideo() {
    }

    static void write(Path source, Path target, List<String> lines) throws IOException {
        AtomicFiles.write(target, temporary -> encode(source, temporary, target, lines));
    }

    private static void encode(Path source, Path temporary, Path target, List<String> lines) throws IOException {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(source.toFile());
             OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat()) {
            grabber.start();
            int width = grabber.getImageWidth();
            int height = grabber.getImageHeight();
            try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(temporary.toFile(), width, height)) {
                recorder.setFormat("mp4");
                recorder.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
                recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
                recorder.setFrameRate(grabber.getFrameRate() > 0 ? grabber.getFrameRate() : 25);
                recorder.setVideoQuality(3);
                recorder.start();
                double scale = Math.max(0.35, height / 480.0);
                int lineHeight = (int) Math.round(28 * scale);
                Frame frame;
                while ((frame = grabber.grabImage()) != null) {
                    Mat image = converter.convert(frame);
                    for (int i = 0; i < lines.size(); i++) {
                        Point origin = new Point(Math.max(2, lineHeight / 3), lineHeight * (i + 1));
                        // A dark outline under white text keeps it readable on any background.
                        putText(image, lines.get(i), origin, FONT_HERSHEY_SIMPLEX, scale, new Scalar(0, 0, 0, 0),
                                Math.max(2, (int) Math.round(3 * scale)), LINE_AA, false);
                        putText(image, lines.get(i), origin, FONT_HERSHEY_SIMPLEX, scale, new Scalar(255, 255, 255, 0),
                                Math.max(1, (int) Math.round(scale)), LINE_AA, false);
                    }
                    recorder.record(converter.convert(image));
                }
                recorder.stop();
            }
            grabber.stop();
        } catch (FrameGrabber.Exception | FrameRecorder.Exception e) {
            throw new IOException(source + ": cannot write the annotated copy " + target + ": " + e.getMessage(), e);
        }
    }
}
