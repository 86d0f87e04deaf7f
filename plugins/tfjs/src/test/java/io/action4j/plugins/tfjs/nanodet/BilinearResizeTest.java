package io.action4j.plugins.tfjs.nanodet;

import static org.assertj.core.api.Assertions.assertThat;

import io.action4j.api.video.VideoFrame;
import org.junit.jupiter.api.Test;

/** tfjs's legacy bilinear mapping on frames small enough to work out by hand; the real frame is in the parity test. */
class BilinearResizeTest {

    @Test
    void upscalingSamplesAtDstTimesInOverOutAndClampsTheUpperNeighbour() {
        // 2x1 grey frame 0 | 100 to 4x4: columns sample x = 0, 0.5, 1, 1.5 -> 0, 50, 100, 100.
        VideoFrame frame = new VideoFrame(0, 2, 1, 3, new byte[] {0, 0, 0, 100, 100, 100});

        float[] resized = BilinearResize.toSquare(frame, 4);

        for (int row = 0; row < 4; row++) {
            assertThat(new float[] {resized[row * 12], resized[row * 12 + 3], resized[row * 12 + 6],
                resized[row * 12 + 9]}).containsExactly(0f, 50f, 100f, 100f);
        }
    }

    @Test
    void channelsStayApartAndTheInputBecomesNchw() {
        VideoFrame frame = new VideoFrame(0, 1, 1, 3, new byte[] {(byte) 255, 0, 51});

        float[] human = NanoDetInput.of(frame, 2, "human");
        float[] nanodet = NanoDetInput.of(frame, 2, "nanodet");

        assertThat(human).containsExactly(1f, 1f, 1f, 1f, 0f, 0f, 0f, 0f, 0.2f, 0.2f, 0.2f, 0.2f);
        // BGR: channel 0 is blue (51).
        assertThat(nanodet[0]).isEqualTo((51f - 103.53f) / 57.375f);
        assertThat(nanodet[4]).isEqualTo((0f - 116.28f) / 57.12f);
        assertThat(nanodet[8]).isEqualTo((255f - 123.675f) / 58.395f);
    }
}
