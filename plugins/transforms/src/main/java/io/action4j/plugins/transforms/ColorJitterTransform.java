package io.action4j.plugins.transforms;

import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_HSV2RGB;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_RGB2HSV;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import io.action4j.api.transform.Clip;
import io.action4j.api.transform.Image;
import io.action4j.api.transform.Transform;
import java.util.List;
import java.util.random.RandomGenerator;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * MMAction2 v1.2.0's {@code ColorJitter} on RGB frames: one set of factors for the whole clip
 * (MMAction2 treats all frames as one clip), applied in a fixed order, result truncated to uint8.
 * Arithmetic follows numpy's float32 (factor times image in float32, contrast mean summed
 * pairwise in float32); hue goes through OpenCV's uint8 HSV (H in [0, 180)).
 *
 * <p>Draws, per call: when {@code order} is not configured, first the permutation (Fisher-Yates,
 * {@code nextInt(i + 1)} for i = 3, 2, 1); then four uniforms, in order brightness, contrast,
 * saturation, hue, each drawn even when its range is a single value. MMAction2 draws its
 * permutation once, when the transform is built, and keeps it for the run; drawing it per call
 * instead keeps a call a pure function of the clip and the generator (a seeded call repeats
 * however often the transform was used before, from any thread). Set {@code order} to get one
 * fixed order as MMAction2 has.
 */
public final class ColorJitterTransform implements Transform {

    private final ColorJitterConfig config;
    private final int[] fixedOrder;

    public ColorJitterTransform(ColorJitterConfig config) {
        this.config = config;
        this.fixedOrder = config.order() == null ? null : config.order().stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    public Clip apply(Clip clip, RandomGenerator random) {
        int[] fnOrder = order(random);
        double b = uniform(random, config.brightness());
        double c = uniform(random, config.contrast());
        double s = uniform(random, config.saturation());
        double h = uniform(random, config.hue());
        return Clips.mapFrames(clip, frame -> jitter(frame, fnOrder, b, c, s, h), clip.boxes());
    }

    /** The configured order, or {@code np.random.permutation(4)}'s Fisher-Yates shuffle drawn now. */
    int[] order(RandomGenerator random) {
        if (fixedOrder != null) {
            return fixedOrder.clone();
        }
        int[] permutation = {0, 1, 2, 3};
        for (int i = permutation.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = permutation[i];
            permutation[i] = permutation[j];
            permutation[j] = swap;
        }
        return permutation;
    }

    private static double uniform(RandomGenerator random, List<Double> range) {
        return Draws.uniform(random, range.get(0), range.get(1));
    }

    static Image jitter(Image frame, int[] fnOrder, double b, double c, double s, double h) {
        if (frame.channels() != 3) {
            throw new IllegalArgumentException("ColorJitter needs RGB frames, got " + frame.channels() + " channels");
        }
        float[] img = frame.pixels().clone();
        for (int fn : fnOrder) {
            if (fn == 0 && b != 1) {
                float factor = (float) b;
                for (int i = 0; i < img.length; i++) {
                    img[i] *= factor;
                }
            } else if (fn == 1 && c != 1) {
                adjustContrast(img, c);
            } else if (fn == 2 && s != 1) {
                adjustSaturation(img, s);
            } else if (fn == 3 && h != 0) {
                img = adjustHue(frame.width(), frame.height(), img, h);
            }
        }
        for (int i = 0; i < img.length; i++) {
            img[i] = truncateToUint8(img[i]);
        }
        return new Image(frame.width(), frame.height(), 3, img);
    }

    /** {@code np.clip(x, 0, 255).astype(np.uint8)}: clamps, then truncates. */
    static float truncateToUint8(float value) {
        return (float) Math.floor(Math.min(255f, Math.max(0f, value)));
    }

    /** {@code 0.2989 * R + 0.587 * G + 0.114 * B} in float32. */
    static float gray(float[] img, int pixel) {
        return 0.2989f * img[3 * pixel] + 0.587f * img[3 * pixel + 1] + 0.114f * img[3 * pixel + 2];
    }

    private static void adjustContrast(float[] img, double factor) {
        int pixels = img.length / 3;
        float[] grays = new float[pixels];
        for (int p = 0; p < pixels; p++) {
            grays[p] = gray(img, p);
        }
        float mean = (float) ((double) PairwiseSum.of(grays, 0, pixels) / pixels);
        float scale = (float) factor;
        // (1 - factor) * mean is a Python float times a float32 scalar: computed in double.
        float offset = (float) ((1 - factor) * mean);
        for (int i = 0; i < img.length; i++) {
            img[i] = scale * img[i] + offset;
        }
    }

    private static void adjustSaturation(float[] img, double factor) {
        float scale = (float) factor;
        float grayScale = (float) (1 - factor);
        for (int p = 0; p < img.length / 3; p++) {
            float gray = gray(img, p);
            for (int k = 0; k < 3; k++) {
                img[3 * p + k] = scale * img[3 * p + k] + grayScale * gray;
            }
        }
    }

    private static float[] adjustHue(int width, int height, float[] img, double factor) {
        float[] clipped = new float[img.length];
        for (int i = 0; i < img.length; i++) {
            clipped[i] = truncateToUint8(img[i]);
        }
        int offset = (int) (factor * 255);
        try (Mat rgb = Uint8Mats.toMat(new Image(width, height, 3, clipped)); Mat hsv = new Mat(); Mat back = new Mat()) {
            cvtColor(rgb, hsv, COLOR_RGB2HSV);
            byte[] bytes = new byte[img.length];
            try (BytePointer data = hsv.data()) {
                data.get(bytes, 0, bytes.length);
                for (int i = 0; i < bytes.length; i += 3) {
                    bytes[i] = (byte) shiftHue(bytes[i] & 0xFF, offset);
                }
                data.put(bytes, 0, bytes.length);
            }
            cvtColor(hsv, back, COLOR_HSV2RGB);
            return Uint8Mats.toImage(back).pixels();
        }
    }

    /**
     * {@code (hsv[..., 0] + offset) % 180} under numpy 1.x casting: a non-negative offset keeps
     * uint8 (the sum wraps at 256 before the modulo), a negative one promotes to int16 (Python's
     * floor modulo). Only offsets above 76 (hue > 0.3) ever wrap.
     */
    static int shiftHue(int hue, int offset) {
        if (offset >= 0) {
            return ((hue + offset) & 0xFF) % 180;
        }
        return Math.floorMod(hue + offset, 180);
    }
}
