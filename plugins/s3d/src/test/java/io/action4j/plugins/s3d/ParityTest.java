package io.action4j.plugins.s3d;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.point;

import io.action4j.api.model.Feature;
import io.action4j.api.model.GraphBuilder;
import io.action4j.api.model.TensorShape;
import io.action4j.testing.ComponentGraph;
import io.action4j.testing.GraphBuilders;
import io.action4j.testing.ParityFixture;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * With torchvision's weights the backbone and head give torchvision's outputs: small networks
 * built by {@code parity/make_parity_fixtures.py} from torchvision's own S3D modules, with random
 * weights and random batch-norm statistics.
 */
class ParityTest {

    private static final double TOLERANCE = 1e-4;

    /** The small fixtures' data tensors; the rest is torchvision's state dict. */
    private static final List<String> DATA = List.of("input", "output");

    @Test
    void backboneMatchesTorchvisionsFeatures() {
        ParityFixture fixture = ParityFixture.resource(ParityTest.class, "s3d_backbone");
        S3dConfig config = new S3dConfig(3, fixture.config().get("widthDivisor").asInt());
        INDArray input = fixture.tensor("input");
        ComponentGraph graph = ComponentGraph.backbone(new S3dBackboneFactory().create(config), 0,
                TensorShape.of(input.shape()));
        StateDictLoader.load(graph, fixture.stateDict(DATA));

        INDArray output = graph.run(input);

        assertThat(graph.output().shape().dim(1)).isEqualTo(fixture.manifest().get("outputChannels").asLong());
        assertMatches("s3d backbone", output, fixture.tensor("output"), TOLERANCE);
    }

    @Test
    void headMatchesTorchvisionsClassifier() {
        ParityFixture fixture = ParityFixture.resource(ParityTest.class, "s3d_head");
        List<Integer> kernel = new ArrayList<>();
        fixture.config().get("poolKernel").forEach(size -> kernel.add(size.asInt()));
        S3dHeadConfig config = new S3dHeadConfig(fixture.config().get("numClasses").asInt(), kernel);
        INDArray input = fixture.tensor("input");
        long[] in = input.shape();
        ComponentGraph graph = ComponentGraph.head(new S3dHeadFactory().create(config), 0, TensorShape.of(in));
        StateDictLoader.load(graph, fixture.stateDict(DATA));

        INDArray output = graph.run(input);

        assertThat(in[0]).as("a batch of two").isEqualTo(2);
        assertMatches("s3d head", output, fixture.tensor("output"), TOLERANCE);
    }

    /**
     * torch's MaxPool3d pads with -inf (padding never wins) and rounds down; SameDiff's
     * maxPooling3d must do the same. The input is mostly negative, so a pool that padded with
     * zeros would return 0 along the borders.
     */
    @Test
    void maxPoolsPadAndRoundAsTorchDoes() {
        ParityFixture fixture = ParityFixture.resource(ParityTest.class, "max_pools");
        INDArray input = fixture.tensor("input");
        int index = 0;
        for (var pool : fixture.manifest().get("pools")) {
            int[] kernel = ints(pool.get("kernel"));
            int[] stride = ints(pool.get("stride"));
            int[] padding = ints(pool.get("padding"));
            INDArray expected = fixture.tensor("output." + index++);

            INDArray output = maxPool(input, kernel, stride, padding);

            assertThat(output.shape()).containsExactly(expected.shape());
            assertThat(output.sub(expected).amaxNumber().doubleValue()).as("pool %s", pool).isZero();
            if (padding[1] > 0) {
                INDArray topRow = expected.get(all(), all(), all(), point(0), all());
                assertThat(topRow.minNumber().doubleValue()).as("a border window that padding touches").isNegative();
            }
        }
    }

    private static INDArray maxPool(INDArray input, int[] kernel, int[] stride, int[] padding) {
        SameDiff sd = SameDiff.create();
        GraphBuilder graph = GraphBuilders.create(sd, 0);
        TensorShape shape = TensorShape.of(input.shape());
        Feature x = new Feature(sd.placeHolder("input", DataType.FLOAT, shape.dims()), shape);
        Feature pooled = graph.maxPool3d("pool", x, kernel, stride, padding);
        INDArray output = sd.output(Map.of("input", input), "pool").get("pool");
        assertThat(pooled.shape().dims()).as("declared shape").containsExactly(output.shape());
        return output;
    }

    private static int[] ints(com.fasterxml.jackson.databind.JsonNode array) {
        int[] values = new int[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).asInt();
        }
        return values;
    }

    static void assertMatches(String what, INDArray output, INDArray expected, double tolerance) {
        assertThat(output.shape()).containsExactly(expected.shape());
        double maxDiff = output.sub(expected).amaxNumber().doubleValue();
        System.out.printf("parity %-14s max |ours - torchvision| = %.3g (output max |y| %.3g, %d values)%n", what,
                maxDiff, expected.amaxNumber().doubleValue(), expected.length());
        assertThat(maxDiff).isLessThanOrEqualTo(tolerance);
        // A comparison of near-zero outputs would prove little.
        assertThat(expected.stdNumber().doubleValue()).isGreaterThan(0.1);
    }
}
