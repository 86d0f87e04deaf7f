package io.action4j.plugins.transforms;

import static org.assertj.core.api.Assertions.assertThat;

import io.action4j.api.transform.Image;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.junit.jupiter.api.Test;

class Uint8MatsTest {

    @Test
    void floatsAreRoundedHalfToEvenAndSaturatedAsCvSaturateCastDoes() {
        float[] pixels = {-3f, 0.5f, 1.5f, 2.5f, 3.49f, 254.6f, 300f, 128f};
        try (Mat mat = Uint8Mats.toMat(new Image(8, 1, 1, pixels))) {
            assertThat(Uint8Mats.toImage(mat).pixels()).containsExactly(0f, 0f, 2f, 2f, 3f, 255f, 255f, 128f);
        }
    }

    @Test
    void integerPixelsMakeTheRoundTripExactlyWithTheirLayout() {
        int width = 5;
        int height = 3;
        float[] pixels = new float[width * height * 3];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (i * 37) % 256;
        }
        try (Mat mat = Uint8Mats.toMat(new Image(width, height, 3, pixels))) {
            assertThat(mat.rows()).isEqualTo(height);
            assertThat(mat.cols()).isEqualTo(width);
            assertThat(mat.channels()).isEqualTo(3);
            Image back = Uint8Mats.toImage(mat);
            assertThat(back.width()).isEqualTo(width);
            assertThat(back.height()).isEqualTo(height);
            assertThat(back.pixels()).containsExactly(pixels);
        }
    }

    @Test
    void aRegionWhoseRowsAreNotContiguousIsReadRowByRow() {
        float[] pixels = new float[4 * 4];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = i;
        }
        try (Mat mat = Uint8Mats.toMat(new Image(4, 4, 1, pixels)); Rect box = new Rect(1, 1, 2, 2);
             Mat region = new Mat(mat, box)) {
            assertThat(region.isContinuous()).isFalse();
            assertThat(Uint8Mats.toImage(region).pixels()).containsExactly(5f, 6f, 9f, 10f);
        }
    }
}
