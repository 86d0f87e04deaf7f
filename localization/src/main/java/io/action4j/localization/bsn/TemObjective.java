package io.action4j.localization.bsn;

import io.action4j.api.model.Feature;
import io.action4j.engine.training.TrainingGraph;
import io.action4j.engine.training.TrainingObjective;
import io.action4j.localization.train.BinaryLogisticLoss;
import io.action4j.localization.train.SnippetTrainingData;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * TEM's loss as MMAction2's {@code TEM.loss} sums it: the binary logistic regression loss of
 * actionness (times {@code actionLossWeight}), start and end, positives above {@code matchThreshold};
 * and its targets ({@link TemLabels}) for batches.
 */
public final class TemObjective implements TrainingObjective, SnippetTrainingData.Targets {

    public static final String GT_ACTIONNESS = "tem_gt_actionness";
    public static final String GT_START = "tem_gt_start";
    public static final String GT_END = "tem_gt_end";

    private final TemConfig config;

    public TemObjective(TemConfig config) {
        this.config = config;
    }

    @Override
    public SDVariable buildLoss(SameDiff sd, Map<String, Feature> outputs) {
        int steps = config.temporalDim();
        SDVariable action = BinaryLogisticLoss.build(sd, output(outputs, TemHead.ACTIONNESS),
                sd.placeHolder(GT_ACTIONNESS, DataType.FLOAT, -1, steps), config.matchThreshold());
        SDVariable start = BinaryLogisticLoss.build(sd, output(outputs, TemHead.START),
                sd.placeHolder(GT_START, DataType.FLOAT, -1, steps), config.matchThreshold());
        SDVariable end = BinaryLogisticLoss.build(sd, output(outputs, TemHead.END),
                sd.placeHolder(GT_END, DataType.FLOAT, -1, steps), config.matchThreshold());
        return sd.math().add(TrainingGraph.LOSS, action.mul(config.actionLossWeight()).add(start), end);
    }

    @Override
    public Map<String, INDArray> of(List<double[][]> segments, int steps, SplittableRandom random) {
        int size = segments.size();
        float[] action = new float[size * steps];
        float[] starts = new float[size * steps];
        float[] ends = new float[size * steps];
        for (int b = 0; b < size; b++) {
            TemLabels labels = TemLabels.of(segments.get(b), steps, config.boundaryRatio());
            System.arraycopy(labels.actionness(), 0, action, b * steps, steps);
            System.arraycopy(labels.start(), 0, starts, b * steps, steps);
            System.arraycopy(labels.end(), 0, ends, b * steps, steps);
        }
        long[] shape = {size, steps};
        return Map.of(GT_ACTIONNESS, Nd4j.create(action, shape, 'c'), GT_START, Nd4j.create(starts, shape, 'c'),
                GT_END, Nd4j.create(ends, shape, 'c'));
    }

    private static SDVariable output(Map<String, Feature> outputs, String name) {
        Feature feature = outputs.get(name);
        if (feature == null) {
            throw new IllegalArgumentException("TEM's loss needs the model output '" + name + "'; it has "
                    + outputs.keySet());
        }
        return feature.variable();
    }
}
