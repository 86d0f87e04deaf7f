package io.action4j.engine.recognition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScoreFusionTest {

    private static final List<String> NAMES = List.of("rgb.jsonl", "flow.jsonl");

    private static final List<Prediction> RGB = List.of(
            new Prediction("a.mp4", new float[] {0.7f, 0.2f, 0.1f}, List.of(1)),
            new Prediction("b.mp4", new float[] {0.1f, 0.1f, 0.8f}));
    /** The same videos in another order. */
    private static final List<Prediction> FLOW = List.of(
            new Prediction("b.mp4", new float[] {0.2f, 0.6f, 0.2f}),
            new Prediction("a.mp4", new float[] {0.1f, 0.8f, 0.1f}));

    @Test
    void weightedAverageOfEachVideosScoresInTheFirstFilesOrder() {
        List<Prediction> fused = ScoreFusion.fuse(List.of(RGB, FLOW), NAMES, List.of(1.0, 1.5), false);

        assertThat(fused).extracting(Prediction::video).containsExactly("a.mp4", "b.mp4");
        // a: (0.7 + 1.5 * 0.1) / 2.5 = 0.34, (0.2 + 1.5 * 0.8) / 2.5 = 0.56, (0.1 + 0.15) / 2.5 = 0.1
        assertThat(fused.get(0).scores()).containsExactly(new float[] {0.34f, 0.56f, 0.1f}, within(1e-6f));
        assertThat(fused.get(0).labels()).containsExactly(1);
        assertThat(fused.get(1).scores()).containsExactly(new float[] {0.16f, 0.4f, 0.44f}, within(1e-6f));
    }

    @Test
    void softmaxTurnsLogitsIntoProbabilitiesFirst() {
        List<Prediction> logits = List.of(new Prediction("a.mp4", new float[] {0, (float) Math.log(3), 0}),
                new Prediction("b.mp4", new float[] {0, 0, 0}));
        List<Prediction> fused = ScoreFusion.fuse(List.of(logits, logits), NAMES, List.of(1.0, 1.0), true);

        assertThat(fused.get(0).scores()).containsExactly(new float[] {0.2f, 0.6f, 0.2f}, within(1e-6f));
        assertThat(fused.get(1).scores()).containsExactly(new float[] {1 / 3f, 1 / 3f, 1 / 3f}, within(1e-6f));
    }

    @Test
    void filesThatDisagreeAreNamed() {
        List<Prediction> other = List.of(new Prediction("a.mp4", new float[3]), new Prediction("c.mp4", new float[3]));
        List<Prediction> fewer = List.of(new Prediction("a.mp4", new float[3]));
        List<Prediction> wider = List.of(new Prediction("a.mp4", new float[4]), new Prediction("b.mp4", new float[4]));

        assertThatThrownBy(() -> ScoreFusion.fuse(List.of(RGB, other), NAMES, List.of(1.0, 1.0), false))
                .hasMessageContaining("flow.jsonl has no scores for b.mp4");
        assertThatThrownBy(() -> ScoreFusion.fuse(List.of(RGB, fewer), NAMES, List.of(1.0, 1.0), false))
                .hasMessageContaining("flow.jsonl has 1 videos");
        assertThatThrownBy(() -> ScoreFusion.fuse(List.of(RGB, wider), NAMES, List.of(1.0, 1.0), false))
                .hasMessageContaining("different classes");
        assertThatThrownBy(() -> ScoreFusion.fuse(List.of(RGB, FLOW), NAMES, List.of(1.0), false))
                .hasMessageContaining("one weight per file");
        assertThatThrownBy(() -> ScoreFusion.fuse(List.of(RGB, FLOW), NAMES, List.of(1.0, -2.0), false))
                .hasMessageContaining("positive");
        assertThatThrownBy(() -> ScoreFusion.fuse(List.of(RGB), List.of("rgb.jsonl"), List.of(1.0), false))
                .hasMessageContaining("two sources");
    }
}
