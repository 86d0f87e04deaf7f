package io.action4j.engine.recognition;

import io.action4j.api.metric.RecognitionSample;
import io.action4j.engine.data.DatasetEntry;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Pairs predictions with annotation-list entries by path: a prediction's {@code video} is resolved
 * against the data prefix like the list's paths are (so the path as written in the list matches), or
 * taken as it is (a path that already includes the prefix). Every entry needs exactly one prediction
 * and every prediction an entry; otherwise the error names up to {@value #NAMED} of each.
 */
public final class PredictionMatcher {

    public static final int NAMED = 5;

    private PredictionMatcher() {
    }

    /** The samples in the annotation list's order, labelled by the list; each named by the prediction's video. */
    public static List<RecognitionSample> match(List<Prediction> predictions, List<DatasetEntry> entries, Path dataPrefix,
                                         Path predictionsFile, Path annotationList) {
        Map<Path, DatasetEntry> entryByPath = new HashMap<>();
        for (DatasetEntry entry : entries) {
            DatasetEntry earlier = entryByPath.putIfAbsent(entry.path().normalize(), entry);
            if (earlier != null) {
                throw new IllegalArgumentException(annotationList + ":" + entry.line() + ": '" + entry.path()
                        + "' is also on line " + earlier.line() + "; predictions are matched by path, so each video "
                        + "must be listed once");
            }
        }
        Map<DatasetEntry, Prediction> predictionOf = new LinkedHashMap<>();
        List<String> unmatched = new ArrayList<>();
        for (Prediction prediction : predictions) {
            DatasetEntry entry = find(prediction.video(), entryByPath, dataPrefix);
            if (entry == null) {
                unmatched.add(prediction.video());
                continue;
            }
            Prediction other = predictionOf.putIfAbsent(entry, prediction);
            if (other != null) {
                throw new IllegalArgumentException(predictionsFile + ": '" + other.video() + "' and '"
                        + prediction.video() + "' are the same video, " + annotationList + " line " + entry.line());
            }
        }
        List<String> missing = entries.stream().filter(entry -> !predictionOf.containsKey(entry))
                .map(entry -> entry.path().toString()).toList();
        if (!missing.isEmpty() || !unmatched.isEmpty()) {
            List<String> problems = new ArrayList<>();
            if (!missing.isEmpty()) {
                problems.add(missing.size() + " of " + entries.size() + " videos in " + annotationList
                        + " have no prediction in " + predictionsFile + ": " + named(missing));
            }
            if (!unmatched.isEmpty()) {
                problems.add(unmatched.size() + " of " + predictions.size() + " predictions have no entry in "
                        + annotationList + ": " + named(unmatched)
                        + (dataPrefix == null ? " (is a --data-prefix missing?)" : ""));
            }
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        List<RecognitionSample> samples = new ArrayList<>();
        for (DatasetEntry entry : entries) {
            Prediction prediction = predictionOf.get(entry);
            samples.add(new RecognitionSample(prediction.video(), prediction.scores(),
                    entry.labels().stream().mapToInt(Integer::intValue).toArray()));
        }
        return samples;
    }

    /** The predictions whose own labels differ from the list's: a sign that the list is not the one scored. */
    public static List<String> labelDisagreements(List<RecognitionSample> samples, List<Prediction> predictions) {
        Map<String, List<Integer>> carried = predictions.stream()
                .collect(Collectors.toMap(Prediction::video, Prediction::labels));
        List<String> disagreements = new ArrayList<>();
        for (RecognitionSample sample : samples) {
            List<Integer> own = carried.get(sample.videoId());
            List<Integer> listed = java.util.Arrays.stream(sample.labels()).boxed().toList();
            if (!own.isEmpty() && !own.equals(listed)) {
                disagreements.add(sample.videoId() + " carries " + own + ", the list says " + listed);
            }
        }
        return disagreements;
    }

    private static DatasetEntry find(String video, Map<Path, DatasetEntry> entryByPath, Path dataPrefix) {
        try {
            Path written = Path.of(video);
            DatasetEntry entry = dataPrefix == null ? null : entryByPath.get(dataPrefix.resolve(written).normalize());
            return entry != null ? entry : entryByPath.get(written.normalize());
        } catch (InvalidPathException e) {
            return null;
        }
    }

    static String named(List<String> names) {
        String shown = names.stream().limit(NAMED).map(name -> "'" + name + "'").collect(Collectors.joining(", "));
        return names.size() > NAMED ? shown + " and " + (names.size() - NAMED) + " more" : shown;
    }
}
