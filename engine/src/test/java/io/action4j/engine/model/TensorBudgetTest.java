package io.action4j.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TensorBudgetTest {

    private final TensorBudget oneGigabyte = new TensorBudget(1_000_000_000L, "the memory available");

    @Test
    void aTensorThatFitsPasses() {
        assertThatCode(() -> oneGigabyte.check("--input", new long[] {4, 3, 16, 112, 112}, 4)).doesNotThrowAnyException();
    }

    @Test
    void aTensorLargerThanTheLimitNamesWhereItCameFromTheShapeAndTheBytes() {
        assertThatThrownBy(() -> oneGigabyte.check("--input 1x3x16x112x112 with --batch 1000",
                new long[] {1000, 3, 16, 112, 112}, 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--input 1x3x16x112x112 with --batch 1000: a 1000x3x16x112x112 tensor is 602112000 values "
                        + "(2.4 GB), more than the memory available (1.0 GB); use a smaller shape or batch, or set "
                        + "ACTION4J_MAX_TENSOR_BYTES");
    }

    @Test
    void aValueCountThatOverflowsIsRefused() {
        assertThatThrownBy(() -> oneGigabyte.check("--input", new long[] {1, 3, 99_999_999_999L, 99_999_999_999L, 9}, 4))
                .hasMessage("--input: a 1x3x99999999999x99999999999x9 tensor has more values than a 64-bit count holds");
    }

    @Test
    void theConfiguredLimitIsSaidToBeOne() {
        TensorBudget configured = new TensorBudget(1000, "the limit " + TensorBudget.PROPERTY + "/" + TensorBudget.ENVIRONMENT);

        assertThatThrownBy(() -> configured.check("x", new long[] {1000}, 4))
                .hasMessageEndingWith("more than the limit action4j.maxTensorBytes/ACTION4J_MAX_TENSOR_BYTES "
                        + "(1.0 KB); use a smaller shape or batch");
    }

    @Test
    void valuesHeldInJavaArraysAreCheckedAgainstTheHeapWhereItIsSmaller() {
        TensorBudget heap = oneGigabyte.withinJavaHeap(500_000_000L);

        assertThat(heap.limitBytes()).isEqualTo(500_000_000L);
        assertThatThrownBy(() -> heap.check("v.csv", new long[] {200_000, 1000}, 4, "features are read whole"))
                .hasMessage("v.csv: a 200000x1000 tensor is 200000000 values (800.0 MB), more than the Java heap "
                        + "(500.0 MB); features are read whole, or give Java more with ACTION4J_JAVA_OPTS=-Xmx8g");
        assertThat(oneGigabyte.withinJavaHeap(4_000_000_000L)).isSameAs(oneGigabyte);
    }

    @Test
    void thisMachineReportsItsAvailableMemory() {
        assertThat(TensorBudget.availableMemory()).isPresent();
        assertThat(TensorBudget.availableMemory().getAsLong()).isPositive();
        assertThat(TensorBudget.human(19_200_000_000_000L)).isEqualTo("19.2 TB");
    }
}
