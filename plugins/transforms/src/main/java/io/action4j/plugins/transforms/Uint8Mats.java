package io.action4j.plugins.transforms;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC;

import io.action4j.api.transform.Image;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Moves {@link Image}s in and out of 8-bit OpenCV Mats, so that OpenCV computes on uint8 exactly as
 * cv2 does on MMAction2's uint8 frames. The caller owns (and closes) every Mat returned.
 */
final class Uint8Mats {

    private Uint8Mats() {
    }

    /**
     * Frames hold integers 0..255 until Normalize; anything else is rounded to the nearest integer
     * and saturated, as {@code cv::saturate_cast<uchar>} would.
     */
    static Mat toMat(Image image) {
        float[] pixels = image.pixels();
        byte[] bytes = new byte[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            bytes[i] = (byte) saturate(pixels[i]);
        }
        Mat mat = new Mat(image.height(), image.width(), CV_8UC(image.channels()));
        try (BytePointer data = mat.data()) {
            data.put(bytes, 0, bytes.length);
        }
        return mat;
    }

    static Image toImage(Mat mat) {
        int width = mat.cols();
        int height = mat.rows();
        int channels = mat.channels();
        byte[] bytes = new byte[width * height * channels];
        if (mat.isContinuous()) {
            read(mat, bytes);
        } else {
            try (Mat copy = mat.clone()) {
                read(copy, bytes);
            }
        }
        float[] pixels = new float[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            pixels[i] = bytes[i] & 0xFF;
        }
        return new Image(width, height, channels, pixels);
    }

    private static void read(Mat mat, byte[] bytes) {
        try (BytePointer data = mat.data()) {
            data.get(bytes, 0, bytes.length);
        }
    }

    static int saturate(float value) {
        return (int) Math.min(255, Math.max(0, Math.rint(value)));
    }
}
