package io.action4j.localization.bmn;

import io.action4j.localization.train.SnippetTrainingData;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** BMN's targets for a batch: {@link BmnLabels} per sample and the regression loss's uniform draws. */
public final class BmnTargets implements SnippetTrainingData.Targets {

    @Override
    public Map<String, INDArray> of(List<double[][]> segments, int steps, SplittableRandom random) {
        int size = segments.size();
        float[] iou = new float[size * steps * steps];
        float[] starts = new float[size * steps];
        float[] ends = new float[size * steps];
        for (int b = 0; b < size; b++) {
            BmnLabels labels = BmnLabels.of(segments.get(b), steps);
            System.arraycopy(labels.confidence(), 0, iou, b * steps * steps, steps * steps);
            System.arraycopy(labels.start(), 0, starts, b * steps, steps);
            System.arraycopy(labels.end(), 0, ends, b * steps, steps);
        }
        return Map.of(BmnObjective.GT_IOU_MAP, Nd4j.create(iou, new long[] {size, steps, steps}, 'c'),
                BmnObjective.GT_START, Nd4j.create(starts, new long[] {size, steps}, 'c'),
                BmnObjective.GT_END, Nd4j.create(ends, new long[] {size, steps}, 'c'),
                BmnObjective.RANDOM_MID, uniform(random, size, steps),
                BmnObjective.RANDOM_LOW, uniform(random, size, steps));
    }

    private static INDArray uniform(SplittableRandom random, int size, int steps) {
        float[] values = new float[size * steps * steps];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextDouble();
        }
        return Nd4j.create(values, new long[] {size, steps, steps}, 'c');
    }
}
