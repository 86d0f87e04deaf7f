package io.action4j.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.action4j.api.model.TensorShape;
import io.action4j.engine.model.ComposedModel;
import io.action4j.engine.model.ModelComposer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Memory does not grow from call to call: 100 forward passes at batch 4 of full-size R(2+1)D-18 (the
 * model that leaked most, ../shared/STACK.md) in the inference form {@code benchmark} and
 * {@code recognize} use.
 *
 * <p>Without array reuse ND4J leaves the intermediate arrays to the garbage collector, and the
 * resident set grows by ~73 MB a call at this size (measured: 1.1 GB to 7.8 GB over 90 calls). With
 * it, what still grows is the Java heap: each call leaves ~1.2 MB of SameDiff's bookkeeping as
 * garbage, which the resident set follows until the next collection (~110 MB over 90 calls at most).
 * The bound sits between the two: a leak of 5 MB a call fails it.
 */
class InferenceMemoryTest {

    private static final TensorShape INPUT = TensorShape.of(4, 3, 8, 56, 56);
    private static final int CALLS = 100;
    /** Calls after which the array cache has settled. */
    private static final int SETTLING = 10;
    private static final long ALLOWED_GROWTH = 384L << 20;

    @Test
    void memoryOutsideTheHeapStaysFlatOverAHundredCallsAtBatchFour() {
        try (ComposedModel model = ModelComposer.compose(
                ZooConfigs.model("resnet3d/r2plus1d-18_kinetics400.yaml", List.of()), INPUT, 1);
             ComposedModel folded = model.foldBatchNorm()) {
            Map<String, INDArray> input = Map.of(ModelComposer.INPUT, Nd4j.rand(DataType.FLOAT, INPUT.dims()));
            long[] resident = new long[CALLS];
            for (int call = 0; call < CALLS; call++) {
                folded.run(input);
                resident[call] = ResidentMemory.bytes();
            }

            long settled = resident[SETTLING - 1];
            long highest = Arrays.stream(resident, SETTLING, CALLS).max().orElseThrow();
            System.out.printf("inference memory, %d calls at %s: resident %.0f MB after call %d, at most %.0f MB "
                    + "after it, %.0f MB after the last%n", CALLS, INPUT, settled / 1e6, SETTLING, highest / 1e6,
                    resident[CALLS - 1] / 1e6);
            assertThat(settled).as("resident memory read from /proc").isPositive();
            assertThat(highest - settled).as("growth of resident memory over %d calls",
                    CALLS - SETTLING).isLessThan(ALLOWED_GROWTH);
        }
    }
}
