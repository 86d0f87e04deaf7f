package io.action4j.api.model;

import static io.action4j.api.model.TorchvisionFixture.assertClose;
import static io.action4j.api.model.TorchvisionFixture.floats;
import static io.action4j.api.model.TorchvisionFixture.longs;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.action4j.engine.model.SameDiffGraphBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * RoIAlign against {@code torchvision.ops.roi_align} ({@code roi_align/make_roi_align_fixtures.py}):
 * boxes inside, across the borders, outside, tiny, degenerate and reversed; adaptive and fixed
 * sampling; aligned or not; the outputs and the features' gradients to 1e-5.
 */
class RoiAlignTest {

    private static final double TOLERANCE = 1e-5;

    @Test
    void outputsAndGradientsMatchTorchvision() throws Exception {
        JsonNode fixture = TorchvisionFixture.read("/roi_align/roi_align_fixtures.json");
        long[] shape = longs(fixture.get("featureShape"));
        float[] features = floats(fixture.get("features"));
        float[] boxes = floats(fixture.get("boxes"));
        for (JsonNode testCase : fixture.get("cases")) {
            int pooledHeight = testCase.get("outputSize").get(0).asInt();
            int pooledWidth = testCase.get("outputSize").get(1).asInt();
            String as = testCase.get("outputSize") + " scale " + testCase.get("spatialScale").asDouble() + " ratio "
                    + testCase.get("samplingRatio").asInt() + " aligned " + testCase.get("aligned").asBoolean();
            RoiAlign.Plan plan = RoiAlign.plan(boxes, (int) shape[0], (int) shape[2], (int) shape[3], pooledHeight,
                    pooledWidth, (float) testCase.get("spatialScale").asDouble(), testCase.get("samplingRatio").asInt(),
                    testCase.get("aligned").asBoolean());

            SameDiff sd = SameDiff.create();
            SameDiffGraphBuilder graph = new SameDiffGraphBuilder(sd, 0);
            SDVariable input = sd.var("features", Nd4j.create(features, shape, 'c'));
            SDVariable matrix = sd.placeHolder("matrix", DataType.FLOAT, -1, shape[0] * shape[2] * shape[3]);
            Feature pooled = RoiAlign.build(graph, "roi_align", new Feature(input, TensorShape.of(shape)), matrix,
                    pooledHeight, pooledWidth);
            INDArray upstream = Nd4j.create(floats(testCase.get("upstream")), new long[] {plan.boxes(), shape[1],
                pooledHeight, pooledWidth}, 'c');
            SDVariable loss = sd.sum("loss", pooled.variable().mul(sd.constant(upstream)));
            sd.setLossVariables(loss);
            Map<String, INDArray> placeholders = Map.of("matrix", Nd4j.create(plan.matrix(),
                    new long[] {(long) plan.boxes() * pooledHeight * pooledWidth, plan.mapRows()}, 'c'));

            INDArray output = sd.output(placeholders, pooled.variable().name()).get(pooled.variable().name());
            INDArray gradient = sd.calculateGradients(placeholders, "features").get("features");

            assertClose(as + " output", output.data().asFloat(), floats(testCase.get("output")), TOLERANCE);
            assertClose(as + " gradient", gradient.data().asFloat(), floats(testCase.get("gradient")), TOLERANCE);
        }
    }

    @Test
    void aBoxOfAnotherImageIsRefusedByNumber() {
        assertThatThrownBy(() -> RoiAlign.plan(new float[] {2, 0, 0, 1, 1}, 2, 4, 4, 2, 2, 1f, 0, true))
                .hasMessageContaining("box 0 names image 2.0 of a batch of 2");
        assertThatThrownBy(() -> RoiAlign.plan(new float[] {0, 0, 0, 1}, 1, 4, 4, 2, 2, 1f, 0, true))
                .hasMessageContaining("rows of 5 values");
    }
}
