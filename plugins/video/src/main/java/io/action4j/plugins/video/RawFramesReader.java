package io.action4j.plugins.video;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_GRAYSCALE;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2RGB;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import io.action4j.api.video.VideoException;
import io.action4j.api.video.VideoFrame;
import io.action4j.api.video.VideoMetadata;
import io.action4j.api.video.VideoReader;
import io.action4j.api.video.VideoStreamException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * A rawframe folder: one image file per frame, decoded with OpenCV (as MMAction2's default cv2
 * backend does). Frame {@code i} is the file numbered {@code i}; the frames are the consecutive
 * numbers from the start index on. Flow frames are the x and y images interleaved as 2 channels.
 */
final class RawFramesReader implements VideoReader {

    private final Path folder;
    private final RawFramesConfig config;
    private final FrameNameTemplate rgbNames;
    private final FrameNameTemplate flowXNames;
    private final FrameNameTemplate flowYNames;
    private final VideoMetadata metadata;

    private RawFramesReader(Path folder, RawFramesConfig config, int frameCount, int width, int height) {
        this.folder = folder;
        this.config = config;
        this.rgbNames = FrameNameTemplate.parse(config.filenameTemplate());
        this.flowXNames = FrameNameTemplate.parse(config.flowXTemplate());
        this.flowYNames = FrameNameTemplate.parse(config.flowYTemplate());
        this.metadata = new VideoMetadata(frameCount, config.fps(), width, height, config.startIndex());
    }

    static RawFramesReader open(Path folder, RawFramesConfig config) throws VideoException {
        if (!Files.isDirectory(folder)) {
            throw new VideoException(folder, Files.exists(folder) ? "not a rawframe folder" : "folder not found");
        }
        FrameNameTemplate counted = FrameNameTemplate.parse(
                config.modality().equals("flow") ? config.flowXTemplate() : config.filenameTemplate());
        int count = 0;
        while (Files.isRegularFile(folder.resolve(counted.name(config.startIndex() + count)))) {
            count++;
        }
        if (count == 0) {
            // A folder given where a video file was meant reads as rawframes: say what was looked for.
            throw new VideoException(folder, "no frame named " + counted.name(config.startIndex()) + " (a folder is read "
                    + "as extracted frames: " + (config.modality().equals("flow") ? "flowXTemplate '"
                    + config.flowXTemplate() : "filenameTemplate '" + config.filenameTemplate()) + "' from startIndex "
                    + config.startIndex() + ")");
        }
        RawFramesReader probe = new RawFramesReader(folder, config, count, 1, 1);
        VideoFrame first = probe.load(config.startIndex());
        return new RawFramesReader(folder, config, count, first.width(), first.height());
    }

    @Override
    public String source() {
        return folder.toString();
    }

    @Override
    public VideoMetadata metadata() {
        return metadata;
    }

    @Override
    public List<VideoFrame> read(int[] indices) throws VideoException {
        List<VideoFrame> frames = new ArrayList<>(indices.length);
        for (int index : indices) {
            frames.add(load(index));
        }
        return frames;
    }

    @Override
    public Iterator<VideoFrame> stream(int firstIndex) throws VideoException {
        int end = metadata.startIndex() + metadata.frameCount();
        if (firstIndex < metadata.startIndex() || firstIndex > end) {
            throw new VideoException(folder, "cannot stream from frame " + firstIndex + "; frames are "
                    + metadata.startIndex() + ".." + (end - 1));
        }
        return new Iterator<>() {
            private int next = firstIndex;

            @Override
            public boolean hasNext() {
                return next < end;
            }

            @Override
            public VideoFrame next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                try {
                    return load(next++);
                } catch (VideoException e) {
                    throw new VideoStreamException(e);
                }
            }
        };
    }

    private VideoFrame load(int index) throws VideoException {
        int first = metadata.startIndex();
        if (index < first || index >= first + metadata.frameCount()) {
            throw new VideoException(folder, "frame " + index + " is outside frames " + first + ".."
                    + (first + metadata.frameCount() - 1));
        }
        if (config.modality().equals("rgb")) {
            try (Mat bgr = decode(rgbNames.name(index), IMREAD_COLOR); Mat rgb = new Mat()) {
                cvtColor(bgr, rgb, COLOR_BGR2RGB);
                return new VideoFrame(index, rgb.cols(), rgb.rows(), 3, bytes(rgb));
            }
        }
        try (Mat x = decode(flowXNames.name(index), IMREAD_GRAYSCALE);
             Mat y = decode(flowYNames.name(index), IMREAD_GRAYSCALE)) {
            if (x.cols() != y.cols() || x.rows() != y.rows()) {
                throw new VideoException(folder, "flow frame " + index + ": x is " + x.cols() + "x" + x.rows()
                        + " but y is " + y.cols() + "x" + y.rows());
            }
            byte[] xs = bytes(x);
            byte[] ys = bytes(y);
            byte[] pixels = new byte[xs.length * 2];
            for (int i = 0; i < xs.length; i++) {
                pixels[2 * i] = xs[i];
                pixels[2 * i + 1] = ys[i];
            }
            return new VideoFrame(index, x.cols(), x.rows(), 2, pixels);
        }
    }

    private Mat decode(String name, int flags) throws VideoException {
        Path file = folder.resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new VideoException(file, "frame file not found");
        }
        Mat image = imread(file.toString(), flags);
        if (image == null || image.empty()) {
            if (image != null) {
                image.close();
            }
            throw new VideoException(file, "not a decodable image");
        }
        return image;
    }

    /** The Mat's pixels, row by row without padding. */
    private static byte[] bytes(Mat mat) {
        int rowBytes = mat.cols() * mat.channels();
        byte[] pixels = new byte[rowBytes * mat.rows()];
        ByteBuffer buffer = mat.createBuffer();
        for (int y = 0; y < mat.rows(); y++) {
            buffer.position((int) (y * mat.step()));
            buffer.get(pixels, y * rowBytes, rowBytes);
        }
        return pixels;
    }

    @Override
    public void close() {
        // Files are opened per frame; nothing stays open.
    }
}
