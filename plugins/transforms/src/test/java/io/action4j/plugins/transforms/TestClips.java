package io.action4j.plugins.transforms;

import io.action4j.api.transform.Box;
import io.action4j.api.transform.Clip;
import io.action4j.api.transform.Image;
import java.util.List;
import java.util.function.IntBinaryOperator;

/** Synthetic frames for tests. */
final class TestClips {

    private TestClips() {
    }

    /** One channel whose value tells where the pixel came from: {@code 1000 * y + x}. */
    static Image coordinates(int width, int height) {
        return image(width, height, (x, y) -> 1000 * y + x);
    }

    static Image image(int width, int height, IntBinaryOperator value) {
        float[] pixels = new float[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                pixels[y * width + x] = value.applyAsInt(x, y);
            }
        }
        return new Image(width, height, 1, pixels);
    }

    static Image filled(int width, int height, float... channelValues) {
        float[] pixels = new float[width * height * channelValues.length];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = channelValues[i % channelValues.length];
        }
        return new Image(width, height, channelValues.length, pixels);
    }

    static Clip single(Image frame, Box... boxes) {
        return new Clip(List.of(frame), 1, 1, 1, List.of(boxes));
    }

    static float at(Image image, int x, int y) {
        return image.pixels()[(y * image.width() + x) * image.channels()];
    }

    /** The crop origin of a frame cut from {@link #coordinates}. */
    static int[] origin(Image crop) {
        int value = (int) crop.pixels()[0];
        return new int[] {value % 1000, value / 1000};
    }
}
