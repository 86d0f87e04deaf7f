package io.action4j.plugins.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.action4j.api.ConfigValueException;
import io.action4j.api.flow.FlowEstimator;
import io.action4j.api.flow.FlowField;
import io.action4j.api.flow.FlowQuantization;
import io.action4j.api.transform.Clip;
import io.action4j.api.transform.Image;
import io.action4j.api.video.VideoFrame;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Flow on the fly: the pipeline's frames in, flow images valued as stored flow frames out. */
class OpticalFlowTransformTest {

    @Test
    void threeFramesBecomeTwoFlowImagesOfCv2sFlowAsStoredLevels() {
        Clip clip = new Clip(List.of(image(0), image(1), image(2)), 3, 1, 1, List.of());
        Clip flow = new OpticalFlowFactory().create(OpticalFlowConfig.DEFAULTS).apply(clip, new Random(1));

        assertThat(flow.clipLen()).isEqualTo(2);
        assertThat(flow.frames()).hasSize(2).allSatisfy(image -> {
            assertThat(image.channels()).isEqualTo(2);
            assertThat(image.width()).isEqualTo(FlowParityTest.WIDTH);
        });
        // The first: python3-opencv's Farneback flow of frames 0 -> 1, quantized with bound 20, x and y interleaved.
        float[] reference = FlowParityTest.referenceField("farneback_0_1");
        float[] levels = flow.frames().get(0).pixels();
        for (int i = 0; i < reference.length; i++) {
            assertThat(levels[i]).isEqualTo(FlowQuantization.level(reference[i], 20));
        }
        assertThat(flow.frames().get(1).pixels()).isEqualTo(expected(1, 2, true));
    }

    @Test
    void eachClipAndCropIsItsOwnSequenceAndRawDisplacementsCanBeAsked() {
        // Two clips of two frames: (0, 1) and (1, 2); pixels, not levels.
        Clip clip = new Clip(List.of(image(0), image(1), image(1), image(2)), 2, 2, 1, List.of());
        OpticalFlowConfig pixels = OpticalFlowConfig.DEFAULTS.with("farneback", false);
        Clip flow = new OpticalFlowFactory().create(pixels).apply(clip, new Random(1));
        assertThat(flow.clipLen()).isEqualTo(1);
        assertThat(flow.numClips()).isEqualTo(2);
        assertThat(flow.frames().get(0).pixels()).isEqualTo(expected(0, 1, false));
        assertThat(flow.frames().get(1).pixels()).isEqualTo(expected(1, 2, false));
    }

    @Test
    void keepRgbPutsEachFlowsSourceFrameBeforeItForTwoStreamFusion() {
        Clip clip = new Clip(List.of(image(0), image(1), image(2)), 3, 1, 1, List.of());
        OpticalFlowConfig both = OpticalFlowConfig.DEFAULTS.keepingRgb(true);
        Clip flow = new OpticalFlowFactory().create(both).apply(clip, new Random(1));

        assertThat(flow.clipLen()).isEqualTo(2);
        for (int t = 0; t < 2; t++) {
            Image out = flow.frames().get(t);
            assertThat(out.channels()).isEqualTo(5);
            float[] rgb = image(t).pixels();
            float[] levels = expected(t, t + 1, true);
            for (int pixel = 0; pixel < out.width() * out.height(); pixel++) {
                for (int c = 0; c < 3; c++) {
                    assertThat(out.pixels()[5 * pixel + c]).isEqualTo(rgb[3 * pixel + c]);
                }
                assertThat(out.pixels()[5 * pixel + 3]).isEqualTo(levels[2 * pixel]);
                assertThat(out.pixels()[5 * pixel + 4]).isEqualTo(levels[2 * pixel + 1]);
            }
        }
    }

    @Test
    void aFramePairSeenAgainTakesItsKeptFlowAsOverlappingWindowsDo() {
        // Window 1 samples frames 0, 1, 2; window 2, overlapping, frames 1, 2 and (as a second clip) 1, 2 again.
        Clip first = new Clip(List.of(image(0), image(1), image(2)), 3, 1, 1, List.of());
        Clip second = new Clip(List.of(image(1), image(2), image(1), image(2)), 2, 2, 1, List.of());
        OpticalFlowTransform reusing = (OpticalFlowTransform) new OpticalFlowFactory().create(OpticalFlowConfig.DEFAULTS);
        OpticalFlowTransform computing = (OpticalFlowTransform) new OpticalFlowFactory()
                .create(OpticalFlowConfig.DEFAULTS.reusing(0));

        reusing.apply(first, new Random(1));
        Clip reused = reusing.apply(second, new Random(1));
        computing.apply(first, new Random(1));
        Clip computed = computing.apply(second, new Random(1));

        assertThat(reusing.estimates()).as("pairs (0, 1) and (1, 2), each once").isEqualTo(2);
        assertThat(computing.estimates()).isEqualTo(4);
        for (int i = 0; i < 2; i++) {
            assertThat(reused.frames().get(i).pixels()).isEqualTo(computed.frames().get(i).pixels())
                    .isEqualTo(expected(1, 2, true));
        }
        // The same pixels in another order are another pair.
        reusing.apply(new Clip(List.of(image(2), image(1)), 2, 1, 1, List.of()), new Random(1));
        assertThat(reusing.estimates()).isEqualTo(3);
    }

    @Test
    void keptFlowIsBoundedByItsBytesTheLeastRecentlyUsedDroppedFirst() {
        FlowMemo memo = new FlowMemo(2 * 2 * 4 * 4 * Float.BYTES);
        FlowField field = new FlowField(4, 4, new float[2 * 4 * 4]);
        VideoFrame frame = FlowParityTest.frame(0);
        FlowMemo.PairKey a = FlowMemo.key(frame, "a", "b");
        FlowMemo.PairKey b = FlowMemo.key(frame, "b", "c");
        FlowMemo.PairKey c = FlowMemo.key(frame, "c", "d");
        memo.put(a, field);
        memo.put(b, field);
        assertThat(memo.get(a)).isPresent();
        memo.put(c, field);
        assertThat(memo.get(b)).as("least recently used").isEmpty();
        assertThat(memo.get(a)).isPresent();
        assertThat(memo.get(c)).isPresent();
        assertThat(memo.bytesHeld()).isEqualTo(2 * 2 * 4 * 4 * Float.BYTES);
        FlowMemo none = new FlowMemo(0);
        none.put(a, field);
        assertThat(none.enabled()).isFalse();
        assertThat(none.get(a)).isEmpty();
        assertThat(FlowMemo.digest(FlowParityTest.frame(0))).isEqualTo(FlowMemo.digest(FlowParityTest.frame(0)))
                .isNotEqualTo(FlowMemo.digest(FlowParityTest.frame(1)));
    }

    @Test
    void disAndTvl1AreChosenByNameWithTheirParameters() {
        Clip clip = new Clip(List.of(image(0), image(1)), 2, 1, 1, List.of());
        DisConfig medium = new DisConfig("medium", null, null, null, null, null, null, null, null, null, null, false);
        OpticalFlowConfig dis = new OpticalFlowConfig("dis", 20, false, FarnebackConfig.DEFAULTS, TvL1Config.DEFAULTS,
                medium, false, 64);
        assertThat(new OpticalFlowFactory().create(dis).apply(clip, new Random(1)).frames().get(0).pixels())
                .isEqualTo(FlowParityTest.referenceField("dis_medium_0_1"));
        float[] tvl1 = new OpticalFlowFactory().create(OpticalFlowConfig.DEFAULTS.with("tvl1", false))
                .apply(clip, new Random(1)).frames().get(0).pixels();
        assertThat(tvl1).isEqualTo(FlowParityTest.referenceField("tvl1_0_1"));
        // Farneback with a Gaussian window of 11, as the fixture's third field, on frames 1 and 2.
        OpticalFlowConfig gaussian = new OpticalFlowConfig("farneback", 20, false,
                new FarnebackConfig(0.5, 3, 11, 3, 5, 1.2, true, false), TvL1Config.DEFAULTS, DisConfig.DEFAULTS,
                false, 64);
        Clip later = new Clip(List.of(image(1), image(2)), 2, 1, 1, List.of());
        assertThat(new OpticalFlowFactory().create(gaussian).apply(later, new Random(1)).frames().get(0).pixels())
                .isEqualTo(FlowParityTest.referenceField("farneback_gaussian_1_2"));
    }

    @Test
    void aClipOfOneFrameAndBadSettingsAreRefused() {
        Clip single = new Clip(List.of(image(0)), 1, 1, 1, List.of());
        assertThatThrownBy(() -> new OpticalFlowFactory().create(OpticalFlowConfig.DEFAULTS).apply(single,
                new Random(1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 2 frames").hasMessageContaining("clipLen + 1");
        assertThatThrownBy(() -> OpticalFlowConfig.DEFAULTS.with("raft", true))
                .isInstanceOfSatisfying(ConfigValueException.class, e -> assertThat(e.key()).isEqualTo("method"));
        assertThatThrownBy(() -> new OpticalFlowConfig("dis", 0, true, FarnebackConfig.DEFAULTS, TvL1Config.DEFAULTS,
                DisConfig.DEFAULTS, false, 64)).isInstanceOfSatisfying(ConfigValueException.class,
                        e -> assertThat(e.key()).isEqualTo("bound"));
    }

    /** A parity frame as the pipeline holds it: float pixels 0..255. */
    static Image image(int index) {
        VideoFrame frame = FlowParityTest.frame(index);
        float[] pixels = new float[frame.pixels().length];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = frame.pixels()[i] & 0xff;
        }
        return new Image(frame.width(), frame.height(), 3, pixels);
    }

    /** Farneback's flow from frame a to b, interleaved, as levels or clipped pixels. */
    static float[] expected(int a, int b, boolean levels) {
        try (FlowEstimator farneback = new FarnebackFactory().create(FarnebackConfig.DEFAULTS)) {
            FlowField field = farneback.estimate(FlowParityTest.frame(a), FlowParityTest.frame(b));
            int pixels = field.width() * field.height();
            float[] values = new float[2 * pixels];
            for (int i = 0; i < pixels; i++) {
                values[2 * i] = levels ? FlowQuantization.level(field.values()[i], 20) : field.values()[i];
                values[2 * i + 1] = levels ? FlowQuantization.level(field.values()[pixels + i], 20)
                        : field.values()[pixels + i];
            }
            return values;
        }
    }
}
