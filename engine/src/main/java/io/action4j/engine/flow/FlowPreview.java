package io.action4j.engine.flow;

import io.action4j.api.flow.FlowField;
import io.action4j.api.io.AtomicFiles;
import io.action4j.api.video.VideoFrame;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * A flow field as people look at it: the frame on the left, the flow on the right coloured by direction (hue:
 * right red, down yellow-green, left cyan, up violet, as OpenCV's sample draws it) and brightness by speed
 * (value: the largest displacement of the field is full brightness, no motion black).
 */
public final class FlowPreview {

    private FlowPreview() {
    }

    /** The flow alone as an HSV-coded RGB image. */
    public static BufferedImage colour(FlowField flow) {
        int width = flow.width();
        int height = flow.height();
        double largest = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                largest = Math.max(largest, Math.hypot(flow.dx(x, y), flow.dy(x, y)));
            }
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double dx = flow.dx(x, y);
                double dy = flow.dy(x, y);
                double angle = Math.atan2(dy, dx);
                float hue = (float) ((angle < 0 ? angle + 2 * Math.PI : angle) / (2 * Math.PI));
                float value = largest > 0 ? (float) (Math.hypot(dx, dy) / largest) : 0f;
                image.setRGB(x, y, Color.HSBtoRGB(hue, 1f, value));
            }
        }
        return image;
    }

    /** The frame (RGB or grey) and its flow side by side. */
    public static BufferedImage sideBySide(VideoFrame frame, FlowField flow) {
        BufferedImage colour = colour(flow);
        BufferedImage image = new BufferedImage(2 * frame.width(), frame.height(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < frame.height(); y++) {
            for (int x = 0; x < frame.width(); x++) {
                int r = frame.value(x, y, 0);
                int g = frame.channels() >= 3 ? frame.value(x, y, 1) : r;
                int b = frame.channels() >= 3 ? frame.value(x, y, 2) : r;
                image.setRGB(x, y, (r << 16) | (g << 8) | b);
                image.setRGB(frame.width() + x, y, colour.getRGB(x, y));
            }
        }
        return image;
    }

    /** Writes the preview as a PNG, by {@link AtomicFiles}' rule. */
    public static void write(Path target, VideoFrame frame, FlowField flow) throws IOException {
        BufferedImage image = sideBySide(frame, flow);
        AtomicFiles.write(target, temporary -> ImageIO.write(image, "png", temporary.toFile()));
    }
}
