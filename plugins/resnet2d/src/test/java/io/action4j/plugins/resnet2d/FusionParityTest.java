package io.action4j.plugins.resnet2d;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.action4j.api.model.Backbone;
import io.action4j.api.model.TensorShape;
import io.action4j.testing.ComponentGraph;
import io.action4j.testing.ParityFixture;
import io.action4j.testing.TorchLayout;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Early fusion, late fusion, slow fusion, CNN + LSTM, conv pooling and two-stream fusion (max after layer 1, sum
 * after layer 2, conv and conv3d + 3D pooling after layer 3, concat and bilinear after layer 4) with a reference's
 * weights give its features: each written out in PyTorch from torchvision's blocks, torch.nn.Conv3d, BatchNorm3d,
 * max_pool3d, torch.nn.Linear and torch.nn.LSTM by {@code parity/make_fusion_fixtures.py} (random weights and
 * batch-norm statistics, two videos a batch; segments of 2 and 3 frames, non-square frames).
 */
class FusionParityTest {

    private static final double TOLERANCE = 1e-5;
    private static final String PREFIX = "backbone.";

    @ParameterizedTest
    @ValueSource(strings = {"early_fusion", "late_fusion", "slow_fusion", "cnn_lstm", "conv_pooling", "two_stream_sum",
        "two_stream_max", "two_stream_concat", "two_stream_conv", "two_stream_bilinear", "two_stream_conv3d"})
    void featuresMatchTheReference(String backbone) {
        ParityFixture fixture = ParityFixture.resource(FusionParityTest.class, "fusion_" + backbone);
        INDArray input = fixture.tensor("input");
        ComponentGraph graph = ComponentGraph.backbone(create(backbone, fixture.config()), 0,
                TensorShape.of(input.shape()));

        Map<String, INDArray> state = new LinkedHashMap<>();
        fixture.stateDict(List.of("input", "features")).forEach((key, value) ->
                state.put(key.substring(PREFIX.length()), value));
        Set<String> loaded = graph.load(state, FusionParityTest::toNd4jLayout);
        INDArray features = graph.run(input);

        // Every parameter and running statistic came from the reference.
        assertThat(loaded).containsExactlyInAnyOrderElementsOf(graph.parameterNames());
        INDArray expected = fixture.tensor("features");
        assertThat(features.shape()).containsExactly(expected.shape());
        double difference = features.sub(expected).amaxNumber().doubleValue();
        System.out.printf("parity %-19s max |ours - reference| %.3g (max |y| %.3g)%n", backbone, difference,
                expected.amaxNumber().doubleValue());
        assertThat(difference).isLessThanOrEqualTo(TOLERANCE * Math.max(1, expected.amaxNumber().doubleValue()));
        // Bilinear features are unit vectors of 1,024 values: small, but not constant.
        assertThat(expected.stdNumber().doubleValue()).as("a comparison of near-constant outputs proves little")
                .isGreaterThan(backbone.endsWith("bilinear") ? 0.01 : 0.05);
    }

    private static Backbone create(String backbone, JsonNode config) {
        if (backbone.equals("slow_fusion")) {
            return new SlowFusionBackbone(new SlowFusionConfig(ints(config, "channels"), ints(config, "spatialKernels"),
                    ints(config, "temporalKernels"), ints(config, "temporalStrides"), ints(config, "spatialStrides"),
                    config.get("bnEpsilon").asDouble()));
        }
        JsonNode trunk = config.get("trunk");
        List<Integer> blocks = List.of(1, 1, 1, 1);
        Trunk2dConfig small = new Trunk2dConfig(trunk.get("depth").asInt(), blocks, trunk.get("baseChannels").asInt(),
                Trunk2dConfig.DEFAULTS.strides(), Trunk2dConfig.DEFAULTS.bnEpsilon());
        return switch (backbone) {
            case "early_fusion" -> new EarlyFusionBackbone(new EarlyFusionConfig(small, config.get("stackFrames").asInt()));
            case "late_fusion" -> new LateFusionBackbone(new LateFusionConfig(small, config.get("inChannels").asInt(),
                    config.get("fusionChannels").asInt()));
            case "cnn_lstm" -> new CnnLstmBackbone(new CnnLstmConfig(small, config.get("inChannels").asInt(),
                    config.get("hiddenSize").asInt(), config.get("output").asText()));
            case "conv_pooling" -> new ConvPoolingBackbone(new ConvPoolingConfig(small,
                    config.get("inChannels").asInt()));
            case "two_stream_sum", "two_stream_max", "two_stream_concat", "two_stream_conv", "two_stream_bilinear",
                    "two_stream_conv3d" -> new TwoStreamFusionBackbone(new TwoStreamFusionConfig(small,
                    config.get("rgbChannels").asInt(), config.get("stackFrames").asInt(), config.get("fuseAfter").asInt(),
                    config.get("fusion").asText()));
            default -> throw new IllegalArgumentException(backbone);
        };
    }

    private static List<Integer> ints(JsonNode config, String key) {
        List<Integer> values = new ArrayList<>();
        config.get(key).forEach(value -> values.add(value.asInt()));
        return values;
    }

    /**
     * torch conv3d weights to ND4J's [kT, kH, kW, in, out], conv2d weights to [kH, kW, in, out]; linear and LSTM
     * matrices transposed; the rest as they are.
     */
    private static INDArray toNd4jLayout(INDArray torch) {
        return switch (torch.rank()) {
            case 5 -> TorchLayout.conv3dWeight(torch);
            case 4 -> TorchLayout.conv2dWeight(torch);
            case 2 -> TorchLayout.linearWeight(torch);
            default -> torch;
        };
    }
}
