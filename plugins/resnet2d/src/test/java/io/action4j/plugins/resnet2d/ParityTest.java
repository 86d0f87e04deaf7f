package io.action4j.plugins.resnet2d;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.action4j.api.model.TensorShape;
import io.action4j.testing.ComponentGraph;
import io.action4j.testing.ParityFixture;
import io.action4j.testing.TorchLayout;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The backbone with the reference's weights gives the reference's output: small torchvision
 * ResNets (with MMAction2's temporal shift for TSM) built by {@code parity/make_parity_fixtures.py},
 * random weights and random batch-norm statistics, two videos per batch.
 */
class ParityTest {

    private static final double TOLERANCE = 1e-4;
    private static final String BACKBONE_PREFIX = "backbone.";
    private static final String HEAD_PREFIX = "cls_head.";

    /** The fixture's data tensors; the rest is the checkpoint, MMAction2-keyed. */
    private static final List<String> DATA = List.of("input", "features", "logits");

    @ParameterizedTest
    @ValueSource(strings = {"tsn_r50", "tsn_r18", "tsm_r50", "tsm_r18"})
    void backboneAndTsnConsensusMatchTheReference(String variant) {
        ParityFixture fixture = ParityFixture.resource(ParityTest.class, variant);
        INDArray input = fixture.tensor("input");
        ComponentGraph graph = ComponentGraph.backbone(new ResNet2dBackboneFactory().create(config(fixture)), 0,
                TensorShape.of(input.shape()));

        Set<String> loaded = graph.load(backboneStateDict(fixture.stateDict(DATA)), ParityTest::toNd4jLayout);
        INDArray features = graph.run(input);

        // Every parameter and running statistic came from the checkpoint, under MMAction2's key.
        assertThat(loaded).containsExactlyInAnyOrderElementsOf(graph.parameterNames());
        INDArray expected = fixture.tensor("features");
        assertThat(features.shape()).containsExactly(expected.shape());
        double featuresDiff = features.sub(expected).amaxNumber().doubleValue();
        // TSN's head on these features: pool each segment, average the segments, classify. Its own
        // graph is tested in recognition-heads; here it shows the features feed it as MMAction2's do.
        INDArray logits = features.mean(2, 3, 4).mmul(fixture.tensor(HEAD_PREFIX + "fc_cls.weight").transpose())
                .addiRowVector(fixture.tensor(HEAD_PREFIX + "fc_cls.bias"));
        double logitsDiff = logits.sub(fixture.tensor("logits")).amaxNumber().doubleValue();
        System.out.printf("parity %-8s max |ours - reference|: features %.3g (max |y| %.3g), logits %.3g%n", variant,
                featuresDiff, expected.amaxNumber().doubleValue(), logitsDiff);
        assertThat(featuresDiff).isLessThanOrEqualTo(TOLERANCE);
        assertThat(logitsDiff).isLessThanOrEqualTo(TOLERANCE);
        assertThat(expected.stdNumber().doubleValue()).as("a comparison of near-zero outputs proves little")
                .isGreaterThan(0.1);
    }

    /** The defaults with the fixture's config keys set. */
    private static ResNet2dConfig config(ParityFixture fixture) {
        Configs configs = Configs.defaults();
        fixture.config().fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            switch (field.getKey()) {
                case "depth" -> configs.depth(value.asInt());
                case "baseChannels" -> configs.baseChannels(value.asInt());
                case "shiftDiv" -> configs.shiftDiv(value.asInt());
                case "stageBlocks" -> {
                    Integer[] blocks = new Integer[value.size()];
                    Arrays.setAll(blocks, i -> value.get(i).asInt());
                    configs.stageBlocks(List.of(blocks));
                }
                default -> throw new IllegalStateException(fixture.name() + ": unexpected config key "
                        + field.getKey());
            }
        });
        return configs.build();
    }

    /**
     * The backbone's part of an MMAction2 checkpoint under the backbone's local names: the head's
     * keys dropped, {@code backbone.} taken off the others (any other key fails the load, naming it).
     */
    private static Map<String, INDArray> backboneStateDict(Map<String, INDArray> checkpoint) {
        Map<String, INDArray> backbone = new LinkedHashMap<>();
        checkpoint.forEach((key, value) -> {
            if (!key.startsWith(HEAD_PREFIX)) {
                backbone.put(key.startsWith(BACKBONE_PREFIX) ? key.substring(BACKBONE_PREFIX.length()) : key, value);
            }
        });
        return backbone;
    }

    /** torch conv2d weights are out, in, kH, kW; ND4J's are kH, kW, in, out. The rest (batch norm) as it is. */
    private static INDArray toNd4jLayout(INDArray torch) {
        return torch.rank() == 4 ? TorchLayout.conv2dWeight(torch) : torch;
    }
}
