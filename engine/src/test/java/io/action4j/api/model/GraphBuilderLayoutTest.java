package io.action4j.api.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.action4j.api.model.GraphBuilder.Layout;
import io.action4j.engine.model.SameDiffGraphBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.Conv3D;
import org.nd4j.linalg.api.ops.impl.shape.Permute;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A graph built channels last computes what the same graph built channels first computes, layer by
 * layer, and holds its convolutions' features N x T x H x W x C.
 */
class GraphBuilderLayoutTest {

    private static final TensorShape CLIP = TensorShape.of(2, 3, 6, 10, 12);

    /** The layers of {@link GraphBuilder} that know both layouts, plus one built from raw SameDiff ops. */
    private record Built(SameDiff sameDiff, SDVariable input, SDVariable scores, SDVariable middle) {
    }

    private static Built build(Layout layout) {
        SameDiff sd = SameDiff.create();
        SameDiffGraphBuilder graph = new SameDiffGraphBuilder(sd, 11).layout(layout);
        TensorShape open = CLIP.with(0, TensorShape.UNKNOWN);
        Feature input = new Feature(sd.placeHolder("input", DataType.FLOAT, open.dims()), open);
        Feature x = graph.conv3d("conv1", input, 8, triple(3, 3, 3), triple(1, 2, 2), triple(1, 1, 1), false);
        x = graph.relu("relu1", graph.batchNorm("bn1", x, 1e-5));
        x = graph.maxPool3d("pool1", x, triple(1, 3, 3), triple(1, 2, 2), triple(0, 1, 1));
        Feature a = graph.conv3d("branch_a", x, 4, triple(1, 1, 1), triple(1, 1, 1), triple(0, 0, 0), true);
        Feature b = graph.conv3d("branch_b", x, 6, triple(3, 1, 1), triple(1, 1, 1), triple(1, 0, 0), false);
        Feature joined = graph.concatChannels("concat", a, b);
        // A layer a plugin writes against raw ops: it reads and produces channels first.
        SDVariable doubled = sd.math().mul("raw_scale", joined.variable(), sd.constant("two", 2f));
        Feature raw = new Feature(doubled, joined.shape());
        Feature sum = graph.add("sum", joined, raw);
        Feature pooled = graph.avgPool3d("avgpool", sum, triple(2, 2, 2), triple(1, 1, 1));
        Feature vector = graph.globalAveragePool("gap", pooled);
        Feature scores = graph.linear("fc", vector, 5, 0.1);
        return new Built(sd, input.variable(), scores.variable(), sum.variable());
    }

    private static int[] triple(int t, int h, int w) {
        return new int[] {t, h, w};
    }

    /** Non-trivial batch-norm statistics, the same in both graphs. */
    private static void setStatistics(SameDiff sd) {
        sd.getVariable("bn1.running_mean").getArr().assign(Nd4j.linspace(-0.5, 0.5, 8, DataType.FLOAT));
        sd.getVariable("bn1.running_var").getArr().assign(Nd4j.linspace(0.5, 2.0, 8, DataType.FLOAT));
        sd.getVariable("bn1.weight").getArr().assign(Nd4j.linspace(0.8, 1.6, 8, DataType.FLOAT));
        sd.getVariable("bn1.bias").getArr().assign(Nd4j.linspace(-0.2, 0.3, 8, DataType.FLOAT));
    }

    @Test
    void channelsLastGivesTheChannelsFirstValues() {
        Built first = build(Layout.CHANNELS_FIRST);
        Built last = build(Layout.CHANNELS_LAST);
        setStatistics(first.sameDiff());
        setStatistics(last.sameDiff());
        Nd4j.getRandom().setSeed(3);
        INDArray clip = Nd4j.rand(DataType.FLOAT, CLIP.dims()).subi(0.5);

        Map<String, INDArray> expected = first.sameDiff().output(Map.of("input", clip),
                first.scores().name(), first.middle().name());
        Map<String, INDArray> actual = last.sameDiff().output(Map.of("input", clip),
                last.scores().name(), last.middle().name());

        INDArray expectedMiddle = expected.get(first.middle().name());
        INDArray actualMiddle = actual.get(last.middle().name());
        assertThat(actualMiddle.shape()).containsExactly(2, 10, 6, 3, 3);
        assertThat(actualMiddle.sub(expectedMiddle).amaxNumber().doubleValue()).isLessThan(1e-5);
        INDArray expectedScores = expected.get(first.scores().name());
        assertThat(expectedScores.stdNumber().doubleValue()).isGreaterThan(1e-3);
        assertThat(actual.get(last.scores().name()).sub(expectedScores).amaxNumber().doubleValue()).isLessThan(1e-5);
    }

    @Test
    void channelsLastConvolutionsRunNdhwcAndPermuteOnlyAtTheEdges() {
        Built last = build(Layout.CHANNELS_LAST);
        List<SameDiffOp> ops = List.copyOf(last.sameDiff().getOps().values());
        List<Conv3D> convs = ops.stream().filter(op -> op.getOp() instanceof Conv3D)
                .map(op -> (Conv3D) op.getOp()).toList();
        assertThat(convs).hasSize(3)
                .allSatisfy(conv -> assertThat(conv.getConfig().getDataFormat()).isEqualTo("NDHWC"));
        // The clip into the first convolution; the raw layer's input out, its output back in; the
        // channels-first view asked for by the test.
        assertThat(ops.stream().filter(op -> op.getOp() instanceof Permute).count()).isEqualTo(4);

        List<SameDiffOp> firstOps = List.copyOf(build(Layout.CHANNELS_FIRST).sameDiff().getOps().values());
        assertThat(firstOps).noneMatch(op -> op.getOp() instanceof Permute);
    }

    @Test
    void aFeatureAskedTwiceForItsChannelsFirstViewGetsOnePermute() {
        SameDiff sd = SameDiff.create();
        SDVariable stored = sd.placeHolder("x", DataType.FLOAT, -1, 4, 5, 6, 3);
        Feature feature = Feature.channelsLast(stored, TensorShape.of(TensorShape.UNKNOWN, 3, 4, 5, 6));
        Feature again = feature.sameLayout(stored);

        assertThat(feature.variable()).isSameAs(feature.variable());
        assertThat(again.variable().name()).isEqualTo(feature.variable().name());
        INDArray value = Nd4j.rand(DataType.FLOAT, 1, 4, 5, 6, 3);
        INDArray view = sd.output(Map.of("x", value), feature.variable().name()).get(feature.variable().name());
        assertThat(view).isEqualTo(value.permute(0, 4, 1, 2, 3));
    }

    @Test
    void trainingGraphsAreChannelsFirst() {
        SameDiffGraphBuilder training = new SameDiffGraphBuilder(SameDiff.create(), 1).training(true);
        assertThatThrownBy(() -> training.layout(Layout.CHANNELS_LAST))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("channels first");
        SameDiffGraphBuilder channelsLast = new SameDiffGraphBuilder(SameDiff.create(), 1).layout(Layout.CHANNELS_LAST);
        assertThatThrownBy(() -> channelsLast.training(true))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("channels first");
    }
}
