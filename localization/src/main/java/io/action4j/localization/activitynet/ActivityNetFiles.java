package io.action4j.localization.activitynet;

import com.fasterxml.jackson.databind.JsonNode;
import io.action4j.api.metric.LocalizationSample;
import io.action4j.api.result.TemporalSegment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an ActivityNet ground-truth file ({@code {"v_<id>": {"annotations": [{"segment": [s, e],
 * "label": name}]}}}) and a results file ({@code {"results": {"<id>": [{"label": name, "score": x,
 * "segment": [s, e]}]}}}) with MMAction2's {@code ActivityNetLocalization} conventions: ground-truth
 * keys lose their {@code v_} prefix, result keys are used as they are, and class indices come from
 * the ground truth.
 */
public final class ActivityNetFiles {

    private static final String GROUND_TRUTH_PREFIX = "v_";
    /** Ground truth carries no score; the metric ignores it. */
    private static final double GROUND_TRUTH_SCORE = 1.0;
    /** The label of a class-agnostic proposal. */
    public static final int PROPOSAL_LABEL = -1;

    private ActivityNetFiles() {
    }

    /**
     * @throws ActivityNetFormatException naming the file and key path of a missing or ill-typed
     *         value, or a result label that the ground truth does not have (MMAction2 fails on it too)
     */
    public static ActivityNetDataset read(Path groundTruthFile, Path resultsFile) throws ActivityNetFormatException {
        return read(groundTruthFile, resultsFile, true);
    }

    /**
     * Reads class-agnostic proposals ({@code {"results": {"<id>": [{"score": x, "segment": [s, e]}]}}},
     * as MMAction2's BMN writes them): a {@code label}, if there is one, is ignored, and every
     * proposal has label -1.
     *
     * @throws ActivityNetFormatException naming the file and key path of a missing or ill-typed value
     */
    public static ActivityNetDataset readProposals(Path groundTruthFile, Path proposalsFile)
            throws ActivityNetFormatException {
        return read(groundTruthFile, proposalsFile, false);
    }

    private static ActivityNetDataset read(Path groundTruthFile, Path resultsFile, boolean labelled)
            throws ActivityNetFormatException {
        Map<String, Integer> classIndex = new LinkedHashMap<>();
        Map<String, List<TemporalSegment>> truthByVideo = readGroundTruth(JsonDocument.read(groundTruthFile), classIndex);
        Map<String, List<TemporalSegment>> resultsByVideo =
                readResults(JsonDocument.read(resultsFile), labelled ? classIndex : null);

        List<LocalizationSample> samples = new ArrayList<>();
        resultsByVideo.forEach((video, predicted) ->
                samples.add(new LocalizationSample(video, predicted, truthByVideo.getOrDefault(video, List.of()))));
        truthByVideo.forEach((video, truth) -> {
            if (!resultsByVideo.containsKey(video)) {
                samples.add(new LocalizationSample(video, List.of(), truth));
            }
        });
        return new ActivityNetDataset(List.copyOf(classIndex.keySet()), samples);
    }

    /**
     * The ground truth alone, by video id without {@code v_}; labels index the class names in the order
     * they first appear.
     */
    public static Map<String, List<TemporalSegment>> readGroundTruth(Path groundTruthFile)
            throws ActivityNetFormatException {
        return readGroundTruth(JsonDocument.read(groundTruthFile), new LinkedHashMap<>());
    }

    private static Map<String, List<TemporalSegment>> readGroundTruth(JsonDocument json, Map<String, Integer> classIndex)
            throws ActivityNetFormatException {
        Map<String, List<TemporalSegment>> byVideo = new LinkedHashMap<>();
        JsonNode videos = json.object(json.root(), "");
        for (Iterator<Map.Entry<String, JsonNode>> it = videos.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> video = it.next();
            String videoPath = video.getKey();
            if (!videoPath.startsWith(GROUND_TRUTH_PREFIX)) {
                // MMAction2 drops the first two characters whatever they are; fail instead of mangling the id.
                throw json.error(videoPath, "ground-truth video keys must start with '" + GROUND_TRUTH_PREFIX + "'");
            }
            JsonNode info = json.object(video.getValue(), videoPath);
            String annotationsPath = JsonDocument.child(videoPath, "annotations");
            JsonNode annotations = json.array(json.field(info, videoPath, "annotations"), annotationsPath);
            List<TemporalSegment> segments = new ArrayList<>();
            for (int i = 0; i < annotations.size(); i++) {
                String path = JsonDocument.element(annotationsPath, i);
                JsonNode annotation = json.object(annotations.get(i), path);
                String label = json.text(json.field(annotation, path, "label"), JsonDocument.child(path, "label"));
                int index = classIndex.computeIfAbsent(label, name -> classIndex.size());
                segments.add(segment(json, annotation, path, index, GROUND_TRUTH_SCORE));
            }
            byVideo.put(videoPath.substring(GROUND_TRUTH_PREFIX.length()), segments);
        }
        return byVideo;
    }

    /** @param classIndex the ground truth's classes, or null to read proposals without labels */
    private static Map<String, List<TemporalSegment>> readResults(JsonDocument json, Map<String, Integer> classIndex)
            throws ActivityNetFormatException {
        Map<String, List<TemporalSegment>> byVideo = new LinkedHashMap<>();
        JsonNode top = json.object(json.root(), "");
        JsonNode videos = json.object(json.field(top, "", "results"), "results");
        for (Iterator<Map.Entry<String, JsonNode>> it = videos.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> video = it.next();
            String videoPath = JsonDocument.child("results", video.getKey());
            JsonNode detections = json.array(video.getValue(), videoPath);
            List<TemporalSegment> segments = new ArrayList<>();
            for (int i = 0; i < detections.size(); i++) {
                String path = JsonDocument.element(videoPath, i);
                JsonNode detection = json.object(detections.get(i), path);
                int index = classIndex == null ? PROPOSAL_LABEL : label(json, detection, path, classIndex);
                double score = json.number(json.field(detection, path, "score"), JsonDocument.child(path, "score"));
                segments.add(segment(json, detection, path, index, score));
            }
            byVideo.put(video.getKey(), segments);
        }
        return byVideo;
    }

    private static int label(JsonDocument json, JsonNode detection, String path, Map<String, Integer> classIndex)
            throws ActivityNetFormatException {
        String labelPath = JsonDocument.child(path, "label");
        String label = json.text(json.field(detection, path, "label"), labelPath);
        Integer index = classIndex.get(label);
        if (index == null) {
            throw json.error(labelPath, "class '" + label + "' is not in the ground truth");
        }
        return index;
    }

    private static TemporalSegment segment(JsonDocument json, JsonNode owner, String ownerPath, int label, double score)
            throws ActivityNetFormatException {
        String path = JsonDocument.child(ownerPath, "segment");
        JsonNode bounds = json.field(owner, ownerPath, "segment");
        double[] startEnd = json.startEnd(bounds, path);
        double start = startEnd[0];
        double end = startEnd[1];
        if (!(end >= start)) {
            throw json.error(path, "ends before it starts: " + bounds);
        }
        return new TemporalSegment(start, end, label, score);
    }
}
