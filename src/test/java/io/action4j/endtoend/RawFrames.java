package io.action4j.endtoend;

import static org.bytedeco.opencv.global.opencv_imgcodecs.imwrite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.OpenCVFrameConverter;

/** Extracts a video's frames as MMAction2's rawframe folders ({@code img_00001.jpg}, ...), for tests. */
final class RawFrames {

    private RawFrames() {
    }

    /** @return the number of frames written */
    static int extract(Path video, Path folder) throws IOException {
        Files.createDirectories(folder);
        int count = 0;
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(video.toFile());
             OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat()) {
            grabber.start();
            Frame frame;
            while ((frame = grabber.grabImage()) != null) {
                count++;
                imwrite(folder.resolve(String.format("img_%05d.jpg", count)).toString(), converter.convert(frame));
            }
            grabber.stop();
        }
        return count;
    }
}
