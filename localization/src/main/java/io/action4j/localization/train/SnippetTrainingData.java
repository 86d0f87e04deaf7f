package io.action4j.localization.train;

import io.action4j.engine.model.ModelComposer;
import io.action4j.engine.training.TrainingBatch;
import io.action4j.engine.training.TrainingData;
import io.action4j.localization.activitynet.ActivityNetAnnotations;
import io.action4j.localization.features.FeatureSequence;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A localizer's training set as MMAction2's ActivityNet pipeline gives it: each annotated video's
 * feature CSV ({@code <folder>/<video name>.csv}, rescaled to the model's length if it has another)
 * and its targets, made from the ground truth by the model's {@link Targets}, batch by batch in a
 * shuffled order. Features are read per batch, so memory does not grow with the set.
 */
public final class SnippetTrainingData implements TrainingData {

    /** A model's training targets for a batch, from each sample's segments (normalised to [0, 1]). */
    @FunctionalInterface
    public interface Targets {
        /**
         * @param random for targets that draw (BMN's regression sampling), seeded per batch
         * @return placeholders by name, each with the batch as its first axis
         */
        Map<String, INDArray> of(List<double[][]> segments, int steps, SplittableRandom random);
    }

    private record Sample(Path features, double[][] segments) {
    }

    private final List<Sample> samples = new ArrayList<>();
    private final int featDim;
    private final int steps;
    private final Targets targets;

    /**
     * @throws IllegalArgumentException naming a video whose feature CSV is missing
     */
    public SnippetTrainingData(List<ActivityNetAnnotations.Video> videos, Path featureFolder, int featDim, int steps,
                               Targets targets) {
        this.featDim = featDim;
        this.steps = steps;
        this.targets = targets;
        for (ActivityNetAnnotations.Video video : videos) {
            samples.add(new Sample(FeatureFiles.csv(featureFolder, video.name(), ""), video.normalisedSegments()));
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
        List<double[][]> segments = new ArrayList<>(size);
        for (int b = 0; b < size; b++) {
            Sample sample = samples.get(order[first + b]);
            System.arraycopy(read(sample.features()).channelsFirst(), 0, features, b * featDim * steps, featDim * steps);
            segments.add(sample.segments());
        }
        return new TrainingBatch(
                Map.of(ModelComposer.INPUT, Nd4j.create(features, new long[] {size, featDim, steps}, 'c')),
                targets.of(segments, steps, random), size);
    }

    private FeatureSequence read(Path csv) {
        try {
            return FeatureFiles.modelInput(csv, featDim, steps);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        // Nothing held open: features are read per batch.
    }
}
