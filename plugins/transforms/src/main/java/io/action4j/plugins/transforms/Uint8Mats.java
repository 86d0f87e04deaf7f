package io.action4j.plugins.transforms;

import static org.bytedeco.opencv.global.opencv_core.CV_32FC;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC;

import io.action4j.api.transform.Image;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Moves {@link Image}s in and out of 8-bit OpenCV Mats, so that OpenCV computes on uint8 exactly as
 * cv2 does on MMAction2's uint8 frames. The caller owns (and closes) every Mat returned.
 *
 * <p>The float/uint8 conversions run in OpenCV ({@code convertTo}) and the copies in bulk: as Java
 * loops they cost a JIT-compiled launcher ~2 ms a full-size clip, but ~30 ms under C1 alone
 * ({@code Math.rint} is not an intrinsic there).
 */
final class Uint8Mats {

    private Uint8Mats() {
    }

    /**
     * Frames hold integers 0..255 until Normalize; anything else is rounded to the nearest integer
     * (halves to even) and saturated, as {@code cv::saturate_cast<uchar>} does.
     */
    static Mat toMat(Image image) {
        float[] pixels = image.pixels();
        Mat bytes = new Mat(image.height(), image.width(), CV_8UC(image.channels()));
        try (Mat floats = new Mat(image.height(), image.width(), CV_32FC(image.channels()));
             FloatPointer data = new FloatPointer(floats.data())) {
            data.put(pixels, 0, pixels.length);
            floats.convertTo(bytes, CV_8U);
        } catch (RuntimeException e) {
            bytes.close();
            throw e;
        }
        return bytes;
    }

    static Image toImage(Mat mat) {
        int width = mat.cols();
        int height = mat.rows();
        int channels = mat.channels();
        float[] pixels = new float[width * height * channels];
        try (Mat floats = new Mat()) {
            // convertTo writes a new, continuous Mat whatever the source's row stride.
            mat.convertTo(floats, CV_32FC(channels));
            try (FloatPointer data = new FloatPointer(floats.data())) {
                data.get(pixels, 0, pixels.length);
            }
        }
        return new Image(width, height, channels, pixels);
    }
}
