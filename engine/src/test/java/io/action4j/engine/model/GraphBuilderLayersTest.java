package io.action4j.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.action4j.api.model.Feature;
import io.action4j.api.model.GraphBuildException;
import io.action4j.api.model.GraphBuilder;
import io.action4j.engine.model.SameDiffGraphBuilder.ConvNorm;
import io.action4j.api.model.TensorShape;
import io.action4j.engine.checkpoint.CheckpointLoader;
import io.action4j.engine.checkpoint.KeyMappings;
import io.action4j.engine.checkpoint.LoadReport;
import io.action4j.engine.checkpoint.TensorData;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.NameScope;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The builder's conv1d (grouped) and conv2d, their batch norms and sigmoid, against PyTorch
 * ({@code layers/make_layer_fixtures.py}): PyTorch's state dicts load through the checkpoint loader, the
 * conv1d weights permuted by the order the builder recorded for them (rank alone would leave a rank-3
 * tensor as it is), and the outputs match; folding the batch norms into the convolutions keeps them.
 */
class GraphBuilderLayersTest {

    private static final double TOLERANCE = 1e-5;

    @Test
    void groupedConv1dWithBatchNormAndSigmoidMatchesPyTorch() throws IOException {
        JsonNode fixture = fixture().get("sequence");
        for (boolean fold : new boolean[] {false, true}) {
            INDArray output = run(fixture, fold, (builder, x) -> {
                Feature y = builder.relu("relu1", builder.batchNorm("bn1",
                        builder.conv1d("conv1", x, 12, 3, 1, 1, 4, false), 1e-5));
                return builder.sigmoid("out", builder.conv1d("conv2", y, 6, 1, 1, 0, 1, true));
            });

            assertThat(maxDifference(output, fixture.get("output"))).as("folded: " + fold).isLessThan(TOLERANCE);
        }
    }

    @Test
    void conv2dWithBatchNormMatchesPyTorch() throws IOException {
        JsonNode fixture = fixture().get("image");
        for (boolean fold : new boolean[] {false, true}) {
            INDArray output = run(fixture, fold, (builder, x) -> builder.relu("relu1", builder.batchNorm("bn1",
                    builder.conv2d("conv1", x, 5, new int[] {3, 3}, new int[] {2, 2}, new int[] {1, 1}, false), 1e-5)));

            assertThat(output.shape()).containsExactly(2, 5, 5, 4);
            assertThat(maxDifference(output, fixture.get("output"))).as("folded: " + fold).isLessThan(TOLERANCE);
        }
    }

    @Test
    void groupsThatDoNotDivideTheChannelsAreRefused() {
        SameDiffGraphBuilder builder = new SameDiffGraphBuilder(SameDiff.create(), 1);
        Feature x = new Feature(builder.sameDiff().placeHolder("x", DataType.FLOAT, -1, 6, 10), TensorShape.of(-1, 6, 10));

        assertThatThrownBy(() -> builder.conv1d("conv", x, 8, 3, 1, 1, 4, false))
                .isInstanceOf(GraphBuildException.class)
                .hasMessage("conv: 4 groups must divide both the 6 input and the 8 output channels");
    }

    @Test
    void constantsTakeTheirValuesAndRefuseAWrongCount() {
        SameDiffGraphBuilder builder = new SameDiffGraphBuilder(SameDiff.create(), 1);

        SDVariable mask = builder.constant("mask", new float[] {1, 2, 3, 4, 5, 6}, 2, 3);

        assertThat(mask.getArr().toFloatMatrix()).isEqualTo(new float[][] {{1, 2, 3}, {4, 5, 6}});
        assertThatThrownBy(() -> builder.constant("bad", new float[] {1, 2}, 3))
                .hasMessage("bad: shape [3] needs 3 values, got 2");
    }

    /** The layers under test, built on the input feature. */
    private interface Layers {
        Feature build(GraphBuilder builder, Feature input);
    }

    /**
     * Builds the layers in scope {@code m} (so that MMAction2's mapping, first dot to scope, names the keys),
     * loads PyTorch's state, optionally rebuilds with every conv + batch-norm pair folded, and runs the input.
     */
    private static INDArray run(JsonNode fixture, boolean fold, Layers layers) {
        Map<String, TensorData> state = new LinkedHashMap<>();
        fixture.get("state").fields().forEachRemaining(entry -> state.put("m." + entry.getKey(),
                tensor("m." + entry.getKey(), entry.getValue())));
        INDArray input = array(fixture.get("input"));
        Built reference = build(layers, input.shape(), List.of());
        LoadReport report = new CheckpointLoader(KeyMappings.MMACTION2).loadStrict(reference.sameDiff(),
                reference.builder()::torchLayout, state, "layers.json");
        assertThat(report.missing()).isEmpty();
        if (!fold) {
            return reference.run(input);
        }
        List<ConvNorm> pairs = reference.builder().convNorms();
        assertThat(pairs).isNotEmpty();
        Built folded = build(layers, input.shape(), pairs);
        Function<String, float[]> values = name -> reference.sameDiff().getVariable(name).getArr().dup().data().asFloat();
        for (ConvNorm pair : pairs) {
            float[] weight = values.apply(pair.weight());
            float[] bias = folded.builder().sameDiff().hasVariable(pair.bias()) && pair.convBias()
                    ? values.apply(pair.bias()) : null;
            float[] foldedBias = pair.fold(weight, bias, values.apply(pair.gamma()), values.apply(pair.beta()),
                    values.apply(pair.mean()), values.apply(pair.variance()));
            INDArray weightArray = folded.sameDiff().getVariable(pair.weight()).getArr();
            weightArray.assign(Nd4j.create(weight, weightArray.shape(), 'c'));
            folded.sameDiff().getVariable(pair.bias()).getArr().assign(Nd4j.createFromArray(foldedBias));
        }
        reference.sameDiff().variables().stream()
                .filter(variable -> !pairs.stream().anyMatch(pair -> pair.weight().equals(variable.name())
                        || pair.bias().equals(variable.name()) || variable.name().startsWith(pair.norm() + ".")))
                .filter(variable -> variable.getArr() != null && folded.sameDiff().hasVariable(variable.name())
                        && folded.sameDiff().getVariable(variable.name()).getArr() != null)
                .forEach(variable -> folded.sameDiff().getVariable(variable.name()).getArr().assign(variable.getArr()));
        assertThat(folded.sameDiff().ops()).noneMatch(op -> op.opName().contains("batchnorm"));
        return folded.run(input);
    }

    private record Built(SameDiffGraphBuilder builder, SameDiff sameDiff, String output) {
        INDArray run(INDArray input) {
            return sameDiff.output(Map.of("x", input), output).get(output);
        }
    }

    private static Built build(Layers layers, long[] inputShape, List<ConvNorm> folded) {
        SameDiff sameDiff = SameDiff.create();
        SameDiffGraphBuilder builder = new SameDiffGraphBuilder(sameDiff, 1).foldBatchNorms(folded);
        TensorShape shape = TensorShape.of(inputShape).with(0, TensorShape.UNKNOWN);
        Feature x = new Feature(sameDiff.placeHolder("x", DataType.FLOAT, shape.dims()), shape);
        Feature y;
        try (NameScope ignored = builder.scope("m")) {
            y = layers.build(builder, x);
        }
        return new Built(builder, sameDiff, y.variable().name());
    }

    private static JsonNode fixture() throws IOException {
        try (InputStream in = GraphBuilderLayersTest.class.getResourceAsStream("/layers/layers.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    private static TensorData tensor(String name, JsonNode node) {
        INDArray array = array(node);
        return new TensorData(name, array.shape(), array.data().asFloat());
    }

    private static INDArray array(JsonNode node) {
        long[] shape = new long[node.get("shape").size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = node.get("shape").get(i).asLong();
        }
        float[] values = new float[node.get("values").size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) node.get("values").get(i).asDouble();
        }
        return Nd4j.create(values, shape, 'c');
    }

    private static double maxDifference(INDArray output, JsonNode expected) {
        INDArray reference = array(expected);
        assertThat(output.shape()).containsExactly(reference.shape());
        return output.sub(reference).amaxNumber().doubleValue();
    }
}
