package io.action4j.plugins.heads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.action4j.api.model.GraphBuildException;
import io.action4j.api.model.TensorShape;
import io.action4j.testing.ComponentGraph;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class I3dHeadTest {

    private static final double TOLERANCE = 1e-5;

    /** The head built with {@code seed} for features of {@code dims} after the batch. */
    private static ComponentGraph buildWithSeed(I3dHeadConfig config, long seed, long... dims) {
        TensorShape features = TensorShape.of(LongStream.concat(LongStream.of(TensorShape.UNKNOWN),
                LongStream.of(dims)).toArray());
        return ComponentGraph.head(new I3dHeadFactory().create(config), seed, features);
    }

    /** The head built with seed 0 for features of {@code dims} after the batch. */
    private static ComponentGraph build(I3dHeadConfig config, long... dims) {
        return buildWithSeed(config, 0, dims);
    }

    private static INDArray random(long... shape) {
        Nd4j.getRandom().setSeed(1234);
        return Nd4j.rand(DataType.FLOAT, shape).subi(0.5);
    }

    /** Replaces the zero-initialised bias with random values, so the check sees whether it is added. */
    private static INDArray randomiseBias(ComponentGraph graph) {
        INDArray bias = graph.parameter("fc_cls.bias");
        bias.assign(random(bias.shape()));
        return bias;
    }

    /** {@code pooled @ W + b}, computed outside the graph. */
    private static INDArray classify(INDArray pooled, ComponentGraph graph) {
        return pooled.mmul(graph.parameter("fc_cls.weight")).addiRowVector(graph.parameter("fc_cls.bias"));
    }

    private static void assertClose(INDArray actual, INDArray expected) {
        assertThat(actual.shape()).containsExactly(expected.shape());
        double maxDifference = actual.sub(expected).amaxNumber().doubleValue();
        assertThat(maxDifference).isCloseTo(0, within(TOLERANCE));
    }

    @Test
    void headReportsItsConfiguredClassCount() {
        assertThat(new I3dHeadFactory().create(new I3dHeadConfig(174, 0.01, 0.5)).numClasses()).isEqualTo(174);
    }

    @Test
    void videoFeaturesArePooledAndClassifiedIntoTheDeclaredShape() {
        ComponentGraph graph = build(I3dHeadConfig.DEFAULTS, 512, 2, 7, 7);

        assertThat(graph.output().shape()).isEqualTo(TensorShape.of(TensorShape.UNKNOWN, 400));
        assertThat(graph.output().shape()).hasToString("?x400");
        assertThat(graph.run(random(2, 512, 2, 7, 7)).shape()).containsExactly(2, 400);
    }

    @Test
    void outputIsTheLinearClassifierOfTheSpatioTemporalMean() {
        ComponentGraph graph = build(I3dHeadConfig.DEFAULTS, 512, 2, 7, 7);
        randomiseBias(graph);
        INDArray features = random(2, 512, 2, 7, 7);

        INDArray logits = graph.run(features);

        assertThat(graph.parameter("fc_cls.weight").shape()).containsExactly(512, 400);
        assertThat(graph.parameter("fc_cls.bias").shape()).containsExactly(400);
        assertClose(logits, classify(features.mean(2, 3, 4), graph));
    }

    @Test
    void featuresOverTimeOnlyArePooledOverTime() {
        ComponentGraph graph = build(new I3dHeadConfig(10, 0.01, 0.5), 32, 5);
        randomiseBias(graph);
        INDArray features = random(3, 32, 5);

        assertThat(graph.output().shape()).isEqualTo(TensorShape.of(TensorShape.UNKNOWN, 10));
        assertClose(graph.run(features), classify(features.mean(2), graph));
    }

    @Test
    void pooledFeaturesSkipPooling() {
        ComponentGraph graph = build(I3dHeadConfig.DEFAULTS, 512);
        randomiseBias(graph);
        INDArray features = random(2, 512);

        INDArray logits = graph.run(features);

        assertClose(logits, classify(features, graph));
        assertThat(graph.sameDiff().hasVariable("cls_head/avg_pool")).isFalse();
    }

    @Test
    void headHasTheClassifiersWeightsAndBiasAsParameters() {
        ComponentGraph graph = build(I3dHeadConfig.DEFAULTS, 512, 2, 7, 7);

        assertThat(graph.elementsOf(VariableType.VARIABLE)).isEqualTo(512L * 400 + 400).isEqualTo(205_200L);
    }

    @Test
    void classifierWeightsAreDrawnWithTheConfiguredStdAndBiasStartsAtZero() {
        ComponentGraph graph = build(new I3dHeadConfig(400, 0.05, 0.5), 512);

        INDArray weight = graph.parameter("fc_cls.weight");
        assertThat(weight.stdNumber().doubleValue()).isCloseTo(0.05, within(0.001));
        assertThat(weight.meanNumber().doubleValue()).isCloseTo(0, within(0.001));
        assertThat(graph.parameter("fc_cls.bias").amaxNumber().doubleValue()).isZero();
    }

    @Test
    void sameSeedGivesTheSameClassifierAndAnotherSeedADifferentOne() {
        INDArray first = buildWithSeed(I3dHeadConfig.DEFAULTS, 3, 64).parameter("fc_cls.weight");
        INDArray again = buildWithSeed(I3dHeadConfig.DEFAULTS, 3, 64).parameter("fc_cls.weight");
        INDArray other = buildWithSeed(I3dHeadConfig.DEFAULTS, 4, 64).parameter("fc_cls.weight");

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void classifierAndPoolingAreScopedUnderClsHead() {
        ComponentGraph graph = build(I3dHeadConfig.DEFAULTS, 512, 2, 7, 7);

        assertThat(graph.output().variable().name()).isEqualTo("cls_head/fc_cls");
        assertThat(graph.sameDiff().hasVariable("cls_head/avg_pool")).isTrue();
    }

    @Test
    void featuresWithUnknownChannelsAreRejectedNamingTheClassifier() {
        assertThatThrownBy(() -> build(I3dHeadConfig.DEFAULTS, TensorShape.UNKNOWN, 2, 7, 7))
                .isInstanceOf(GraphBuildException.class)
                .hasMessageContaining("cls_head/fc_cls");
    }
}
