package io.action4j.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class OpTimesTest {

    @Test
    void countsEveryOpOfEveryWatchedCallByKindWithinTheCallsTime() {
        try (ComposedModel model = TestModels.recognition()) {
            Map<String, INDArray> inputs = Map.of(ModelComposer.INPUT, TestModels.randomClip());
            INDArray unwatched = model.run(inputs).get(ModelComposer.CLS_SCORE).dup();
            OpTimes times = new OpTimes();

            long begin = System.nanoTime();
            INDArray watched = model.run(inputs, times).get(ModelComposer.CLS_SCORE).dup();
            model.run(inputs, times);
            long wall = System.nanoTime() - begin;

            assertThat(watched).isEqualTo(unwatched);
            assertThat(times.calls()).isEqualTo(2);
            // tiny3d + tiny_cls: one convolution, batch norm, ReLU, pooling, matrix product and bias sum a call.
            assertThat(times.entries()).extracting(OpTimes.Entry::op)
                    .contains("conv3dnew", "batchnorm", "relu", "matmul");
            assertThat(times.entries()).filteredOn(entry -> entry.op().equals("conv3dnew"))
                    .singleElement().extracting(OpTimes.Entry::executions).isEqualTo(2L);
            assertThat(times.entries()).allSatisfy(entry -> assertThat(entry.nanos()).isPositive());
            assertThat(times.totalNanos()).isPositive().isLessThanOrEqualTo(wall);
            assertThat(times.entries()).isSortedAccordingTo((a, b) -> Long.compare(b.nanos(), a.nanos()));
        }
    }

    @Test
    void onlyTheWatchedCallsAreCounted() {
        try (ComposedModel model = TestModels.recognition()) {
            Map<String, INDArray> inputs = Map.of(ModelComposer.INPUT, TestModels.randomClip());
            OpTimes times = new OpTimes();
            model.run(inputs, times);
            model.run(inputs);

            assertThat(times.calls()).isEqualTo(1);
            assertThat(times.entries()).filteredOn(entry -> entry.op().equals("conv3dnew"))
                    .singleElement().extracting(OpTimes.Entry::executions).isEqualTo(1L);
        }
    }
}
