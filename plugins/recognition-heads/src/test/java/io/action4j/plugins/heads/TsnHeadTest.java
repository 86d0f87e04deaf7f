package io.action4j.plugins.heads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.action4j.api.model.GraphBuildException;
import io.action4j.api.model.TensorShape;
import io.action4j.testing.ComponentGraph;
import io.action4j.testing.ParityFixture;
import io.action4j.testing.TorchLayout;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class TsnHeadTest {

    private static final double TOLERANCE = 1e-4;

    /** The head built with seed 0 for features of {@code dims} after the batch. */
    private static ComponentGraph build(TsnHeadConfig config, long... dims) {
        TensorShape features = TensorShape.of(LongStream.concat(LongStream.of(TensorShape.UNKNOWN),
                LongStream.of(dims)).toArray());
        return ComponentGraph.head(new TsnHeadFactory().create(config), 0, features);
    }

    @Test
    void headReportsItsConfiguredClassCount() {
        assertThat(new TsnHeadFactory().create(new TsnHeadConfig(174, "avg", 0.5, 0.001)).numClasses()).isEqualTo(174);
    }

    @Test
    void segmentFeaturesAreClassifiedIntoTheDeclaredShape() {
        ComponentGraph graph = build(TsnHeadConfig.DEFAULTS, 2048, 8, 7, 7);

        assertThat(graph.output().shape()).isEqualTo(TensorShape.of(TensorShape.UNKNOWN, 400));
        Nd4j.getRandom().setSeed(5);
        assertThat(graph.run(Nd4j.rand(DataType.FLOAT, 2, 2048, 8, 7, 7)).shape()).containsExactly(2, 400);
    }

    @Test
    void defaultHeadHasMmaction2sParameterCount() {
        // TSNHead(num_classes=400, in_channels=2048): fc_cls 2048 x 400 + 400.
        ComponentGraph graph = build(TsnHeadConfig.DEFAULTS, 2048, 8, 7, 7);

        assertThat(graph.elementsOf(VariableType.VARIABLE)).isEqualTo(819_600L);
        assertThat(graph.parameter("fc_cls.weight").shape()).containsExactly(2048, 400);
        assertThat(graph.parameter("fc_cls.bias").shape()).containsExactly(400);
        assertThat(graph.output().variable().name()).isEqualTo("cls_head/fc_cls");
        assertThat(graph.sameDiff().hasVariable("cls_head/consensus")).isTrue();
    }

    @Test
    void matchesMmaction2sTsnHead() {
        ParityFixture fixture = ParityFixture.resource(TsnHeadTest.class, "tsn_head");
        INDArray features = fixture.tensor("features");
        long[] dims = features.shape();
        ComponentGraph graph = build(new TsnHeadConfig(fixture.manifest().get("numClasses").asInt(), "avg", 0.4, 0.01),
                dims[1], dims[2], dims[3], dims[4]);
        // torch's Linear stores out x in; the graph in x out.
        graph.parameter("fc_cls.weight").assign(TorchLayout.linearWeight(fixture.tensor("cls_head.fc_cls.weight")));
        graph.parameter("fc_cls.bias").assign(fixture.tensor("cls_head.fc_cls.bias"));

        INDArray logits = graph.run(features);

        double diff = logits.sub(fixture.tensor("logits")).amaxNumber().doubleValue();
        double perSegmentDiff = logits.sub(fixture.tensor("logitsPerSegmentMean")).amaxNumber().doubleValue();
        System.out.printf("parity tsn head: max |ours - TSNHead| = %.3g, against per-segment scores averaged %.3g%n",
                diff, perSegmentDiff);
        assertThat(diff).isLessThanOrEqualTo(TOLERANCE);
        assertThat(perSegmentDiff).isLessThanOrEqualTo(TOLERANCE);
        assertThat(fixture.tensor("logits").stdNumber().doubleValue()).isGreaterThan(0.1);
    }

    @Test
    void segmentsOfOneVideoAreAveragedButVideosStayApart() {
        ComponentGraph graph = build(new TsnHeadConfig(3, "avg", 0, 0.1), 4, 2, 1, 1);
        // Video 0: segments 1 and 3 -> mean 2; video 1: 10 and 30 -> 20, in every channel.
        INDArray features = Nd4j.create(new float[] {1, 3, 1, 3, 1, 3, 1, 3, 10, 30, 10, 30, 10, 30, 10, 30},
                new long[] {2, 4, 2, 1, 1}, 'c');

        INDArray logits = graph.run(features);

        INDArray weight = graph.parameter("fc_cls.weight");
        INDArray expected = Nd4j.create(new float[] {2, 2, 2, 2, 20, 20, 20, 20}, new long[] {2, 4}, 'c').mmul(weight);
        assertThat(logits.sub(expected).amaxNumber().doubleValue()).isLessThan(1e-5);
    }

    @Test
    void featuresWithoutSegmentsAreRejectedNamingThePooling() {
        assertThatThrownBy(() -> build(TsnHeadConfig.DEFAULTS, 2048, 7, 7))
                .isInstanceOf(GraphBuildException.class)
                .hasMessageContaining("cls_head/avg_pool")
                .hasMessageContaining("segments");
    }
}
