package io.action4j.plugins.resnet2d;

import static org.assertj.core.api.Assertions.assertThat;

import io.action4j.api.model.TensorShape;
import io.action4j.testing.ComponentGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** The shift against MMAction2's rule, written out element by element. */
class TemporalShiftTest {

    private static final int VIDEOS = 2;
    private static final int SIZE = 2;

    /** Frames (videos*segments) x channels x 2 x 2, every value distinct and non-zero. */
    private static INDArray frames(int segments, int channels) {
        return Nd4j.arange(1, 1 + VIDEOS * segments * channels * SIZE * SIZE)
                .castTo(DataType.FLOAT)
                .reshape(VIDEOS * segments, channels, SIZE, SIZE);
    }

    private static INDArray shift(INDArray frames, int segments, int shiftDiv) {
        TensorShape shape = TensorShape.of(TensorShape.UNKNOWN, frames.size(1), SIZE, SIZE);
        ComponentGraph graph = ComponentGraph.build("backbone", 0, shape,
                (builder, input) -> new TemporalShift(builder, segments, shiftDiv).apply("shift", input));
        assertThat(graph.output().shape()).isEqualTo(shape);
        return graph.run(frames);
    }

    /** Channel {@code channel} of frame {@code frame}, all its pixels. */
    private static INDArrayIndex[] pixels(long frame, long channel) {
        return new INDArrayIndex[] {NDArrayIndex.point(frame), NDArrayIndex.point(channel), NDArrayIndex.all(),
                NDArrayIndex.all()};
    }

    /**
     * MMAction2's TemporalShift.shift: fold = C / shiftDiv; channels [0, fold) take the next
     * segment's values, [fold, 2 fold) the previous one's, zeros at the clip's ends; others stay.
     */
    private static INDArray expected(INDArray x, int segments, int shiftDiv) {
        INDArray out = Nd4j.zeros(DataType.FLOAT, x.shape());
        long channels = x.size(1);
        long fold = channels / shiftDiv;
        for (int video = 0; video < VIDEOS; video++) {
            for (int t = 0; t < segments; t++) {
                for (int c = 0; c < channels; c++) {
                    int source = c < fold ? t + 1 : c < 2 * fold ? t - 1 : t;
                    if (source >= 0 && source < segments) {
                        out.get(pixels(video * segments + t, c))
                                .assign(x.get(pixels(video * segments + source, c)));
                    }
                }
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0} segments, {1} channels, shiftDiv {2}")
    @CsvSource({"3, 7, 3", "4, 16, 8", "3, 8, 4", "2, 5, 1", "1, 8, 4", "3, 4, 8"})
    void shiftFollowsMmaction2(int segments, int channels, int shiftDiv) {
        INDArray x = frames(segments, channels);

        assertThat(shift(x, segments, shiftDiv)).isEqualTo(expected(x, segments, shiftDiv));
    }

    @Test
    void firstFoldTakesTheNextSegmentAndSecondFoldThePreviousOne() {
        // Video 0, segment 1 of 3 (frame 1); 8 channels, shiftDiv 4: fold 2.
        INDArray x = frames(3, 8);
        INDArray y = shift(x, 3, 4);

        assertThat(y.getDouble(1, 0, 0, 0)).isEqualTo(x.getDouble(2, 0, 0, 0));
        assertThat(y.getDouble(1, 2, 0, 0)).isEqualTo(x.getDouble(0, 2, 0, 0));
        assertThat(y.getDouble(1, 4, 0, 0)).isEqualTo(x.getDouble(1, 4, 0, 0));
        // The last segment of video 0 does not see video 1's first one.
        assertThat(y.getDouble(2, 0, 0, 0)).isZero();
        assertThat(y.getDouble(3, 2, 0, 0)).isZero();
    }
}
