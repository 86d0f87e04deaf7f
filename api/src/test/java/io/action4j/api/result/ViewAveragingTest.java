package io.action4j.api.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** Against values computed by hand (softmax values to 8 digits from exp). */
class ViewAveragingTest {

    private static final Offset<Float> CLOSE = within(1e-6f);

    private static final float[] UP = {1, 2, 3};
    private static final float[] DOWN = {3, 2, 1};

    @Test
    void scoreIsTheMeanOfTheRawScores() {
        assertThat(ViewAveraging.average(new float[][] {UP, DOWN, {0, 5, -1}}, "score"))
                .containsExactly(new float[] {4 / 3f, 3, 1}, CLOSE);
    }

    @Test
    void probIsTheMeanOfEachViewsSoftmax() {
        // softmax(1, 2, 3) = (0.09003057, 0.24472847, 0.66524096); softmax(3, 2, 1) reversed.
        assertThat(ViewAveraging.average(new float[][] {UP, DOWN}, "prob"))
                .containsExactly(new float[] {0.37763576f, 0.24472847f, 0.37763576f}, CLOSE);
        assertThat(ViewAveraging.average(new float[][] {UP}, "prob"))
                .containsExactly(new float[] {0.09003057f, 0.24472847f, 0.66524096f}, CLOSE);
    }

    @Test
    void probStaysFiniteForLargeScores() {
        // softmax(1000, 1001) = softmax(0, 1) = (0.26894142, 0.73105858).
        assertThat(ViewAveraging.average(new float[][] {{1000, 1001}}, "prob"))
                .containsExactly(new float[] {0.26894142f, 0.73105858f}, CLOSE);
    }

    @Test
    void consecutiveRowsFormEachVideosViews() {
        float[][] rows = {UP, DOWN, {4, 4, 4}, {0, 0, 6}};

        float[][] videos = ViewAveraging.average(rows, 2, "score");

        assertThat(videos).hasNumberOfRows(2);
        assertThat(videos[0]).containsExactly(new float[] {2, 2, 2}, CLOSE);
        assertThat(videos[1]).containsExactly(new float[] {2, 2, 5}, CLOSE);
    }

    @Test
    void noneKeepsEveryViewAsItCame() {
        float[][] rows = {UP, DOWN};

        float[][] kept = ViewAveraging.average(rows, 2, "none");

        assertThat(kept).isDeepEqualTo(rows);
        assertThat(kept[0]).isNotSameAs(UP);
        assertThat(ViewAveraging.average(new float[][] {UP}, "none")).containsExactly(UP);
    }

    @Test
    void noneCannotMakeOneRowOfSeveralViews() {
        assertThatThrownBy(() -> ViewAveraging.average(new float[][] {UP, DOWN}, "none"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("none");
    }

    @Test
    void badInputsAreRejectedSayingWhy() {
        assertThatThrownBy(() -> ViewAveraging.average(new float[][] {UP}, "mean"))
                .hasMessageContaining("[prob, score, none]");
        assertThatThrownBy(() -> ViewAveraging.average(new float[][] {UP, DOWN, UP}, 2, "score"))
                .hasMessageContaining("viewsPerVideo");
        assertThatThrownBy(() -> ViewAveraging.average(new float[][] {UP, {1, 2}}, "score"))
                .hasMessageContaining("same number of class scores");
        assertThatThrownBy(() -> ViewAveraging.average(new float[0][], "score"))
                .hasMessageContaining("no view scores");
    }
}
