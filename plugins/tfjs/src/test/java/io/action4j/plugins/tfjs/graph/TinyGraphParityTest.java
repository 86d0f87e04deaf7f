package io.action4j.plugins.tfjs.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A tiny hand-written graph that uses every op the importer maps, with float32, int32, float16 and uint8
 * weights, gives tfjs 4.22's outputs ({@code src/test/node/make_tiny_graph.mjs} wrote the model and the
 * expected outputs).
 */
class TinyGraphParityTest {

    private static final double TOLERANCE = 1e-5;

    private static TfjsGraphModel model;
    private static JsonNode expected;
    private static Map<String, INDArray> outputs;

    @BeforeAll
    static void runTheGraphOnce() throws Exception {
        Path folder = TinyModel.folder();
        model = TfjsGraphModel.load(folder.resolve("model.json"));
        expected = new ObjectMapper().readTree(folder.resolve("expected.json").toFile());
        outputs = model.run(Map.of("input", array(expected.get("input"))));
    }

    @Test
    void inputsAndOutputsAreTheSignatures() {
        assertThat(model.inputShapes()).containsOnlyKeys("input");
        assertThat(model.inputShapes().get("input")).containsExactly(1, 3, 8, 8);
        assertThat(model.outputNames()).containsExactlyElementsOf(() -> expected.get("outputs").fieldNames());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"out_scores", "out_rest", "out_explicit", "out_explicit_even", "out_nchw",
        "out_pool_valid", "out_pool_same", "out_pool_padded", "out_resize_align", "out_resize_legacy", "out_layouts",
        "out_layouts_nchw"})
    void outputMatchesTfjs(String name) {
        INDArray want = array(expected.get("outputs").get(name));
        INDArray got = outputs.get(name);

        assertThat(got.shape()).as(name + " shape").containsExactly(want.shape());
        assertThat(maxAbsDifference(got, want)).as(name + " max abs difference").isLessThanOrEqualTo(TOLERANCE);
    }

    private static double maxAbsDifference(INDArray got, INDArray want) {
        return got.castTo(want.dataType()).sub(want).amaxNumber().doubleValue();
    }

    private static INDArray array(JsonNode tensor) {
        long[] shape = new long[tensor.get("shape").size()];
        Arrays.setAll(shape, i -> tensor.get("shape").get(i).asLong());
        float[] values = new float[tensor.get("values").size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) tensor.get("values").get(i).asDouble();
        }
        return Nd4j.createFromArray(values).reshape('c', shape);
    }
}
