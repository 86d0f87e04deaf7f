package io.action4j.engine.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.action4j.api.flow.FlowField;
import io.action4j.api.video.VideoFrame;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlowPreviewTest {

    /** Four pixels moving right, down, left and up at speeds 2, 2, 1, 0: hue by direction, brightness by speed. */
    static final FlowField FOUR_DIRECTIONS = new FlowField(4, 1, new float[] {2, 0, -1, 0, 0, 2, 0, 0});

    @Test
    void hueIsTheDirectionAndBrightnessTheSpeed() {
        BufferedImage image = FlowPreview.colour(FOUR_DIRECTIONS);
        float[] right = hsb(image.getRGB(0, 0));
        float[] down = hsb(image.getRGB(1, 0));
        float[] left = hsb(image.getRGB(2, 0));
        assertThat(right[0]).isCloseTo(0f, org.assertj.core.data.Offset.offset(0.01f));
        assertThat(down[0]).isCloseTo(0.25f, org.assertj.core.data.Offset.offset(0.01f));
        assertThat(left[0]).isCloseTo(0.5f, org.assertj.core.data.Offset.offset(0.01f));
        assertThat(right[2]).isEqualTo(1f);
        assertThat(down[2]).isEqualTo(1f);
        assertThat(left[2]).isCloseTo(0.5f, org.assertj.core.data.Offset.offset(0.01f));
        assertThat(image.getRGB(3, 0) & 0xffffff).as("no motion is black").isZero();
    }

    @Test
    void theFrameIsOnTheLeftAndItsFlowOnTheRight(@TempDir Path folder) throws Exception {
        VideoFrame frame = new VideoFrame(0, 4, 1, 3, new byte[] {10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110,
            (byte) 200});
        Path file = folder.resolve(FlowExtractor.PREVIEW);
        FlowPreview.write(file, frame, FOUR_DIRECTIONS);
        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image.getWidth()).isEqualTo(8);
        assertThat(image.getHeight()).isEqualTo(1);
        assertThat(image.getRGB(0, 0) & 0xffffff).isEqualTo(0x0a141e);
        assertThat(image.getRGB(3, 0) & 0xffffff).isEqualTo(0x646ec8);
        assertThat(image.getRGB(4, 0) & 0xffffff).isEqualTo(0xff0000);
    }

    private static float[] hsb(int rgb) {
        return Color.RGBtoHSB((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff, null);
    }
}
