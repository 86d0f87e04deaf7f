package io.action4j.engine.recognition;

import io.action4j.api.metric.RecognitionSample;
import io.action4j.api.model.RecognitionHead;
import io.action4j.api.result.ClipScores;
import io.action4j.api.video.VideoDecoder;
import io.action4j.api.video.VideoException;
import io.action4j.engine.config.DataloaderConfig;
import io.action4j.engine.config.ExperimentConfig;
import io.action4j.engine.data.DatasetEntry;
import io.action4j.engine.model.ComposedModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Scores every video of an annotation list as {@code recognize} scores one (the split's pipeline,
 * its views, {@code average_clips}), for validation and testing: one {@link RecognitionSample} per
 * readable video, with its true labels. Unreadable videos stop the run naming the file, or are
 * reported and left out when the dataset skips bad samples.
 */
public final class DatasetScorer {

    private DatasetScorer() {
    }

    /** Called after each video, for progress: the number scored so far and the total. */
    public interface Progress {
        void scored(int done, int total);
    }

    /**
     * @param loader the split (its {@code data} pipeline, else the config's top-level one)
     * @param weights loads the weights into the model once it is built
     * @param warnings receives a line for each skipped video
     */
    public static List<RecognitionSample> score(ExperimentConfig config, DataloaderConfig loader,
                                                Function<Path, VideoDecoder> decoders, Consumer<ComposedModel> weights,
                                                RecognitionOptions options, Consumer<String> warnings, Progress progress)
            throws IOException, VideoException {
        List<DatasetEntry> entries = loader.dataset().readEntries();
        checkLabels(config, loader, entries);
        ExperimentConfig split = new ExperimentConfig(config.model(), loader.dataOr(config.data()));
        List<RecognitionSample> samples = new ArrayList<>(entries.size());
        try (Recognizer recognizer = new Recognizer(split, decoders, weights, options)) {
            for (int i = 0; i < entries.size(); i++) {
                DatasetEntry entry = entries.get(i);
                try {
                    ClipScores scores = recognizer.recognize(entry.path());
                    samples.add(new RecognitionSample(entry.path().toString(), scores.scores(),
                            entry.labels().stream().mapToInt(Integer::intValue).toArray()));
                } catch (VideoException e) {
                    if (!loader.dataset().skipsBadSamples()) {
                        throw e;
                    }
                    warnings.accept("skipped " + entry.path() + " (line " + entry.line() + "): " + e.getMessage());
                }
                progress.scored(i + 1, entries.size());
            }
        }
        return samples;
    }

    /**
     * Refuses a list whose labels the model cannot score (outside {@code 0 .. numClasses - 1}) before any video
     * is decoded, naming the list, the line and the label.
     */
    private static void checkLabels(ExperimentConfig config, DataloaderConfig loader, List<DatasetEntry> entries) {
        if (config.model() == null || config.model().clsHead() == null) {
            return;
        }
        int classes = config.model().clsHead().create(RecognitionHead.class).numClasses();
        for (DatasetEntry entry : entries) {
            for (int label : entry.labels()) {
                if (label < 0 || label >= classes) {
                    throw new IllegalArgumentException(loader.dataset().annFile() + ":" + entry.line() + ": label "
                            + label + " of " + entry.path() + " is not one of the model's " + classes + " classes (0 to "
                            + (classes - 1) + "); check the list against the model's numClasses");
                }
            }
        }
    }
}
