package io.action4j.localization.bmn;

import io.action4j.engine.model.ModelComposer;
import io.action4j.engine.training.TrainingBatch;
import io.action4j.engine.training.TrainingData;
import io.action4j.localization.activitynet.ActivityNetAnnotations;
import io.action4j.localization.features.FeatureCsv;
import io.action4j.localization.features.FeatureResampling;
import io.action4j.localization.features.FeatureSequence;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import org.nd4j.linalg.factory.Nd4j;

/**
 * BMN's training set as MMAction2's ActivityNet pipeline gives it: each annotated video's feature
 * CSV ({@code <folder>/<video name>.csv}, rescaled to the model's length if it has another), its
 * targets from the ground truth ({@link BmnLabels}), and the regression loss's random draws, batch by
 * batch in a shuffled order. Features are read per batch, so memory does not grow with the set.
 */
public final class BmnTrainingData implements TrainingData {

    private record Sample(Path features, double[][] segments) {
    }

    private final List<Sample> samples = new ArrayList<>();
    private final int featDim;
    private final int steps;

    /**
     * @throws IllegalArgumentException naming a video whose feature CSV is missing
     */
    public BmnTrainingData(List<ActivityNetAnnotations.Video> videos, Path featureFolder, int featDim, int steps) {
        this.featDim = featDim;
        this.steps = steps;
        for (ActivityNetAnnotations.Video video : videos) {
            Path csv = featureFolder.resolve(video.name() + ".csv");
            if (!Files.isRegularFile(csv)) {
                throw new IllegalArgumentException("no features for " + video.name() + ": " + csv + " does not exist");
            }
            samples.add(new Sample(csv, video.normalisedSegments()));
        }
    }

    public int size() {
        return samples.size();
    }

    @Override
    public int batchesPerEpoch(int batchSize) {
        return samples.size() / batchSize;
    }

    @Override
    public Iterator<TrainingBatch> epoch(long seed, int epoch, int batchSize) {
        int[] order = shuffled(new SplittableRandom(seed * 1_000_003L + epoch));
        int batches = batchesPerEpoch(batchSize);
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < batches;
            }

            @Override
            public TrainingBatch next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                int index = next++;
                return batch(order, index * batchSize, batchSize, new SplittableRandom(seed * 7_919L + epoch * 104_729L
                        + index));
            }
        };
    }

    private int[] shuffled(SplittableRandom random) {
        int[] order = new int[samples.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }

    private TrainingBatch batch(int[] order, int first, int size, SplittableRandom random) {
        float[] features = new float[size * featDim * steps];
        float[] iou = new float[size * steps * steps];
        float[] starts = new float[size * steps];
        float[] ends = new float[size * steps];
        for (int b = 0; b < size; b++) {
            Sample sample = samples.get(order[first + b]);
            System.arraycopy(read(sample.features()).channelsFirst(), 0, features, b * featDim * steps, featDim * steps);
            BmnLabels labels = BmnLabels.of(sample.segments(), steps);
            System.arraycopy(labels.confidence(), 0, iou, b * steps * steps, steps * steps);
            System.arraycopy(labels.start(), 0, starts, b * steps, steps);
            System.arraycopy(labels.end(), 0, ends, b * steps, steps);
        }
        return new TrainingBatch(
                Map.of(ModelComposer.INPUT, Nd4j.create(features, new long[] {size, featDim, steps}, 'c')),
                Map.of(BmnObjective.GT_IOU_MAP, Nd4j.create(iou, new long[] {size, steps, steps}, 'c'),
                        BmnObjective.GT_START, Nd4j.create(starts, new long[] {size, steps}, 'c'),
                        BmnObjective.GT_END, Nd4j.create(ends, new long[] {size, steps}, 'c'),
                        BmnObjective.RANDOM_MID, uniform(random, size),
                        BmnObjective.RANDOM_LOW, uniform(random, size)), size);
    }

    private FeatureSequence read(Path csv) {
        FeatureSequence features;
        try {
            features = FeatureCsv.read(csv);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (features.channels() != featDim) {
            throw new IllegalArgumentException(csv + ": " + features.channels() + " feature columns, the model's featDim is "
                    + featDim);
        }
        return features.steps() == steps ? features : FeatureResampling.resample(features, steps);
    }

    private org.nd4j.linalg.api.ndarray.INDArray uniform(SplittableRandom random, int size) {
        float[] values = new float[size * steps * steps];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextDouble();
        }
        return Nd4j.create(values, new long[] {size, steps, steps}, 'c');
    }

    @Override
    public void close() {
        // Nothing held open: features are read per batch.
    }
}
