package io.action4j.plugins.tfjs.nanodet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NonMaxSuppressionTest {

    @Test
    void aBoxOverlappingABetterOneByMoreThanTheIouGoes() {
        Detection best = new Detection(0f, 0f, 0.4f, 0.4f, 0.9f);
        Detection overlapping = new Detection(0.05f, 0f, 0.45f, 0.4f, 0.8f);
        Detection apart = new Detection(0.5f, 0.5f, 0.9f, 0.9f, 0.7f);

        assertThat(NonMaxSuppression.apply(List.of(apart, overlapping, best), 0.5))
                .containsExactly(best, apart);
    }

    @Test
    void anOverlapAtTheIouStays() {
        // IoU exactly 1/3: kept at 1/3 and above, dropped below.
        Detection first = new Detection(0f, 0f, 0.5f, 0.5f, 0.9f);
        Detection second = new Detection(0.25f, 0f, 0.75f, 0.5f, 0.8f);

        assertThat(first.iou(second)).isEqualTo(1f / 3f);
        assertThat(NonMaxSuppression.apply(List.of(first, second), 0.34)).hasSize(2);
        assertThat(NonMaxSuppression.apply(List.of(first, second), 0.3)).containsExactly(first);
    }

    @Test
    void disjointAndDegenerateBoxesDoNotOverlap() {
        Detection box = new Detection(0f, 0f, 0.2f, 0.2f, 0.9f);
        Detection point = new Detection(0.1f, 0.1f, 0.1f, 0.1f, 0.8f);

        assertThat(box.iou(point)).isZero();
        assertThat(NonMaxSuppression.apply(List.of(box, point), 0.0)).containsExactly(box, point);
    }
}
