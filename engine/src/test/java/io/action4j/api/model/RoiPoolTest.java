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
 * RoIPool against {@code torchvision.ops.roi_pool} ({@code roi_pool/make_roi_pool_fixtures.py}): boxes
 * inside, across the borders, outside (an empty bin is 0), tiny, a point and reversed; five output sizes
 * and scales; the outputs and the features' gradients to 1e-5.
 */
class RoiPoolTest {

    private static final double TOLERANCE = 1e-5;

    @Test
    void outputsAndGradientsMatchTorchvision() throws Exception {
        JsonNode fixture = TorchvisionFixture.read("/roi_pool/roi_pool_fixtures.json");
        long[] shape = longs(fixture.get("featureShape"));
        float[] features = floats(fixture.get("features"));
        float[] boxes = floats(fixture.get("boxes"));
        for (JsonNode testCase : fixture.get("cases")) {
            int pooledHeight = testCase.get("outputSize").get(0).asInt();
            int pooledWidth = testCase.get("outputSize").get(1).asInt();
            String as = testCase.get("outputSize") + " scale " + testCase.get("spatialScale").asDouble();
            RoiPool.Plan plan = RoiPool.plan(boxes, (int) shape[0], (int) shape[2], (int) shape[3], pooledHeight,
                    pooledWidth, (float) testCase.get("spatialScale").asDouble());

            SameDiff sd = SameDiff.create();
            SameDiffGraphBuilder graph = new SameDiffGraphBuilder(sd, 0);
            SDVariable input = sd.var("features", Nd4j.create(features, shape, 'c'));
            SDVariable selection = sd.placeHolder("selection", DataType.FLOAT, -1, plan.mapRows());
            SDVariable padding = sd.placeHolder("padding", DataType.FLOAT, -1, 1);
            SDVariable nonEmpty = sd.placeHolder("nonEmpty", DataType.FLOAT, -1, 1);
            SDVariable poolShape = sd.placeHolder("shape", DataType.INT64, 3);
            Feature pooled = RoiPool.build(graph, "roi_pool", new Feature(input, TensorShape.of(shape)), selection,
                    padding, nonEmpty, poolShape, pooledHeight, pooledWidth);
            INDArray upstream = Nd4j.create(floats(testCase.get("upstream")), new long[] {plan.boxes(), shape[1],
                pooledHeight, pooledWidth}, 'c');
            SDVariable loss = sd.sum("loss", pooled.variable().mul(sd.constant(upstream)));
            sd.setLossVariables(loss);
            long slots = (long) plan.bins() * plan.cellsPerBin();
            Map<String, INDArray> placeholders = Map.of(
                    "selection", Nd4j.create(plan.selection(), new long[] {slots, plan.mapRows()}, 'c'),
                    "padding", Nd4j.create(plan.padding(), new long[] {slots, 1}, 'c'),
                    "nonEmpty", Nd4j.create(plan.nonEmpty(), new long[] {plan.bins(), 1}, 'c'),
                    "shape", Nd4j.createFromArray(plan.bins(), (long) plan.cellsPerBin(), shape[1]));

            INDArray output = sd.output(placeholders, pooled.variable().name()).get(pooled.variable().name());
            INDArray gradient = sd.calculateGradients(placeholders, "features").get("features");

            assertClose(as + " output", output.data().asFloat(), floats(testCase.get("output")), TOLERANCE);
            assertClose(as + " gradient", gradient.data().asFloat(), floats(testCase.get("gradient")), TOLERANCE);
        }
    }

    @Test
    void aBoxOfAnotherImageIsRefusedByNumber() {
        assertThatThrownBy(() -> RoiPool.plan(new float[] {2, 0, 0, 1, 1}, 2, 4, 4, 2, 2, 1f))
                .hasMessageContaining("box 0 names image 2.0 of a batch of 2");
    }
}
