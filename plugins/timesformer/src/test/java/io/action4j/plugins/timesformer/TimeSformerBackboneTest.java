package io.action4j.plugins.timesformer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.action4j.api.model.GraphBuildException;
import io.action4j.api.model.TensorShape;
import io.action4j.testing.ComponentGraph;
import io.action4j.testing.ComponentGraph.Batch;
import io.action4j.testing.RecognizerGraph;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class TimeSformerBackboneTest {

    private static final TimeSformerHeadConfig FIVE_CLASSES = new TimeSformerHeadConfig(5, 0.02, 0);

    /** The backbone and head on clips of the backbone's size, in batches of {@code batch} (may be unknown). */
    static RecognizerGraph model(TimeSformerConfig backbone, TimeSformerHeadConfig head, long batch) {
        return model(backbone, head, TensorShape.of(batch, backbone.inChannels(), backbone.numFrames(),
                backbone.imgSize(), backbone.imgSize()));
    }

    /** The same on clips of {@code shape}, which need not fit the config; a declared batch size is kept. */
    private static RecognizerGraph model(TimeSformerConfig backbone, TimeSformerHeadConfig head, TensorShape shape) {
        return RecognizerGraph.build(new TimeSformerBackboneFactory().create(backbone),
                new TimeSformerHeadFactory().create(head), 0, shape, Batch.KEEP);
    }

    private static INDArray randomClips(TimeSformerConfig config, int batch) {
        Nd4j.getRandom().setSeed(42);
        return Nd4j.randn(DataType.FLOAT, batch, config.inChannels(), config.numFrames(), config.imgSize(),
                config.imgSize());
    }

    @ParameterizedTest(name = "{0}, batch {1}")
    @MethodSource("typesAndBatches")
    void declaresTheShapeItProduces(String attentionType, long declaredBatch) {
        TimeSformerConfig config = Configs.small(attentionType).build();
        RecognizerGraph graph = model(config, FIVE_CLASSES, declaredBatch);

        assertThat(graph.backbone().output().shape()).isEqualTo(TensorShape.of(declaredBatch, 32));
        assertThat(graph.head().output().shape()).isEqualTo(TensorShape.of(declaredBatch, 5));
        Map<String, INDArray> outputs = graph.run(randomClips(config, 2));
        assertThat(outputs.get("features").shape()).containsExactly(2, 32);
        assertThat(outputs.get("logits").shape()).containsExactly(2, 5);
    }

    static Stream<Arguments> typesAndBatches() {
        return Stream.of("divided_space_time", "space_only", "joint_space_time")
                .flatMap(type -> Stream.of(Arguments.of(type, TensorShape.UNKNOWN), Arguments.of(type, 2L)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mmaction2ParameterCounts")
    void defaultSizesHaveMmaction2sParameterCount(String attentionType, long withHead400) {
        TimeSformerConfig config = Configs.defaults().set(c -> c.attentionType = attentionType).build();

        assertThat(model(config, TimeSformerHeadConfig.DEFAULTS, 1).parameterCount()).isEqualTo(withHead400);
    }

    static Stream<Arguments> mmaction2ParameterCounts() {
        // `make_parity_fixtures.py --count`: sum(p.numel()) of the reference with a 400-class
        // TimeSformerHead; the divided one is the paper's 121.4M. Equal by formula too, e.g. divided:
        // 12 x (3 LN + 2 MHA + temporal_fc + FFN = 10,042,368) + patch_embed 590,592 + cls 768
        // + pos 197 x 768 + time 8 x 768 + norm 1,536 + fc_cls 307,600.
        return Stream.of(Arguments.of("divided_space_time", 121_566_352L),
                Arguments.of("space_only", 86_106_256L),
                Arguments.of("joint_space_time", 86_112_400L));
    }

    @Test
    void parametersHaveMmaction2sNamesAndGraphLayouts() {
        RecognizerGraph graph = model(Configs.small("divided_space_time").build(), FIVE_CLASSES, -1);
        ComponentGraph backbone = graph.backbone();
        String layer = "transformer_layers.layers.1.";

        assertThat(backbone.parameter("patch_embed.projection.weight").shape()).containsExactly(8, 8, 3, 32);
        assertThat(backbone.parameter("cls_token").shape()).containsExactly(1, 1, 32);
        assertThat(backbone.parameter("pos_embed").shape()).containsExactly(1, 17, 32);
        assertThat(backbone.parameter("time_embed").shape()).containsExactly(1, 4, 32);
        assertThat(backbone.parameter(layer + "attentions.0.norm.weight").shape()).containsExactly(32);
        assertThat(backbone.parameter(layer + "attentions.0.attn.in_proj_weight").shape()).containsExactly(32, 96);
        assertThat(backbone.parameter(layer + "attentions.0.attn.in_proj_bias").shape()).containsExactly(96);
        assertThat(backbone.parameter(layer + "attentions.0.attn.out_proj.weight").shape()).containsExactly(32, 32);
        assertThat(backbone.parameter(layer + "attentions.0.temporal_fc.bias").shape()).containsExactly(32);
        assertThat(backbone.parameter(layer + "attentions.1.attn.out_proj.bias").shape()).containsExactly(32);
        assertThat(backbone.parameter(layer + "ffns.0.norm.bias").shape()).containsExactly(32);
        assertThat(backbone.parameter(layer + "ffns.0.layers.0.0.weight").shape()).containsExactly(32, 128);
        assertThat(backbone.parameter(layer + "ffns.0.layers.1.weight").shape()).containsExactly(128, 32);
        assertThat(backbone.parameter("norm.weight").shape()).containsExactly(32);
        assertThat(graph.head().parameter("fc_cls.weight").shape()).containsExactly(32, 5);
        // MMAction2 starts temporal attention as a no-op and without time information.
        assertThat(backbone.parameter(layer + "attentions.0.temporal_fc.weight").amaxNumber().doubleValue()).isZero();
        assertThat(backbone.parameter("time_embed").amaxNumber().doubleValue()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"space_only", "joint_space_time"})
    void preNormLayersHaveNormsAndNoTemporalParameters(String attentionType) {
        RecognizerGraph graph = model(Configs.small(attentionType).build(), FIVE_CLASSES, -1);
        ComponentGraph backbone = graph.backbone();
        String layer = "transformer_layers.layers.0.";

        assertThat(backbone.parameter(layer + "norms.0.weight").shape()).containsExactly(32);
        assertThat(backbone.parameter(layer + "norms.1.bias").shape()).containsExactly(32);
        assertThat(backbone.parameter(layer + "attentions.0.attn.in_proj_weight").shape()).containsExactly(32, 96);
        assertThat(backbone.hasParameter(layer + "attentions.0.temporal_fc.weight")).isFalse();
        assertThat(backbone.hasParameter(layer + "attentions.1.attn.in_proj_weight")).isFalse();
        assertThat(backbone.hasParameter("time_embed")).isEqualTo(attentionType.equals("joint_space_time"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unfittingClips")
    void clipThatDoesNotFitTheEmbeddingsIsRejectedNamingTheKey(String clip, String key) {
        TimeSformerConfig config = Configs.small("divided_space_time").build();

        assertThatThrownBy(() -> model(config, FIVE_CLASSES, TensorShape.parse(clip)))
                .isInstanceOf(GraphBuildException.class)
                .hasMessageContaining("backbone/patch_embed")
                .hasMessageContaining(key);
    }

    static Stream<Arguments> unfittingClips() {
        return Stream.of(Arguments.of("?x3x8x32x32", "numFrames 4"), Arguments.of("?x3x4x48x48", "imgSize 32"),
                Arguments.of("?x3x4x32x40", "imgSize 32"), Arguments.of("?x2x4x32x32", "inChannels"),
                Arguments.of("?x3x32x32", "N x C x T x H x W"));
    }
}
