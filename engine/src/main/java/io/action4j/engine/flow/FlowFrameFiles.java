package io.action4j.engine.flow;

import io.action4j.api.io.AtomicFiles;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * The files of a flow folder, MMAction2's rawframe layout for flow (what its {@code rawframes} datasets and the
 * {@code rawframes} reader with {@code modality: flow} read): pair {@code i}, counted from 1, is the flow from frame
 * {@code i - 1} to frame {@code i}, stored as {@code x_0000i.jpg} and {@code y_0000i.jpg}, grey JPEGs of the
 * quantized components ({@link io.action4j.api.flow.FlowQuantization}). Backward flow (frame {@code i} to
 * {@code i - 1}) goes to {@code backward_x_0000i.jpg} and {@code backward_y_0000i.jpg}. Every file is written by
 * {@link AtomicFiles}' rule, so a file that exists is complete: an interrupted run leaves no partial JPEG.
 */
public final class FlowFrameFiles {

    /** OpenCV's {@code imwrite} default, which denseflow and MMAction2's scripts use. */
    public static final int JPEG_QUALITY = 95;

    private FlowFrameFiles() {
    }

    /** {@code x_00001.jpg} for pair 1, or {@code backward_x_00001.jpg}. */
    public static String name(char component, int pair, boolean backward) {
        return (backward ? "backward_" : "") + component + String.format("_%05d.jpg", pair);
    }

    /** Writes {@code levels} ({@code height} rows of {@code width} bytes) as a grey JPEG. */
    public static void writeGreyJpeg(Path target, byte[] levels, int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        image.getRaster().setDataElements(0, 0, width, height, levels);
        AtomicFiles.write(target, temporary -> writeJpeg(image, temporary, JPEG_QUALITY));
    }

    /** The grey levels of a grey JPEG, as written by {@link #writeGreyJpeg} (for tests and tools). */
    public static byte[] readGreyJpeg(Path file) throws IOException {
        BufferedImage image = ImageIO.read(file.toFile());
        if (image == null || image.getType() != BufferedImage.TYPE_BYTE_GRAY) {
            throw new IOException(file + ": not a grey JPEG");
        }
        return (byte[]) image.getRaster().getDataElements(0, 0, image.getWidth(), image.getHeight(), null);
    }

    static void writeJpeg(BufferedImage image, Path file, int quality) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        if (!writers.hasNext()) {
            throw new IOException("this Java has no JPEG writer");
        }
        ImageWriter writer = writers.next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            // ImageIO scales the IJG tables by libjpeg's own quality formula: 0.95 is OpenCV's quality 95.
            param.setCompressionQuality(quality / 100f);
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
    }
}
