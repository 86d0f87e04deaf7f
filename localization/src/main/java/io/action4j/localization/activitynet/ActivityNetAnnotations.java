package io.action4j.localization.activitynet;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * MMAction2's ActivityNet annotation files for localizers ({@code anet_anno_train.json}):
 * {@code {"v_<id>": {"duration_second": s, "duration_frame": n, "feature_frame": m, "annotations":
 * [{"segment": [start, end], "label": name}]}}}. A video's features cover its first
 * {@code feature_frame} frames, so its segments are normalised by
 * {@code feature_frame / duration_frame * duration_second} seconds, as MMAction2's
 * {@code GenerateLocalizationLabels} does.
 */
public final class ActivityNetAnnotations {

    /** One annotated video. */
    public record Video(String name, double durationSecond, double durationFrame, double featureFrame,
                        List<Segment> segments) {

        public Video {
            segments = List.copyOf(segments);
        }

        /** The seconds the features cover. */
        public double coveredSeconds() {
            return featureFrame / durationFrame * durationSecond;
        }

        /** The segments as {start, end} in [0, 1] of the covered span, clipped as MMAction2 clips them. */
        public double[][] normalisedSegments() {
            double covered = coveredSeconds();
            double[][] normalised = new double[segments.size()][];
            for (int i = 0; i < normalised.length; i++) {
                Segment segment = segments.get(i);
                normalised[i] = new double[] {Math.max(Math.min(1, segment.start() / covered), 0),
                    Math.max(Math.min(1, segment.end() / covered), 0)};
            }
            return normalised;
        }
    }

    /** A ground-truth segment in seconds. */
    public record Segment(double start, double end, String label) {
    }

    private ActivityNetAnnotations() {
    }

    /**
     * Reads the file. A segment reaching outside the covered span is kept (training clips it) with a
     * warning; one that ends at or before its start is left out with a warning; both name the video
     * and the segment.
     *
     * @throws ActivityNetFormatException naming the file and key path of a missing or ill-typed value
     */
    public static List<Video> read(Path file, Consumer<String> warnings) throws ActivityNetFormatException {
        return read(file, warnings, false);
    }

    /**
     * {@link #read(Path, Consumer)}, refusing a segment that reaches outside the covered span instead
     * of clipping it when {@code rejectOutside}.
     */
    public static List<Video> read(Path file, Consumer<String> warnings, boolean rejectOutside)
            throws ActivityNetFormatException {
        JsonDocument json = JsonDocument.read(file);
        JsonNode videos = json.object(json.root(), "");
        List<Video> read = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = videos.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String name = entry.getKey();
            JsonNode info = json.object(entry.getValue(), name);
            double durationSecond = positive(json, info, name, "duration_second");
            double durationFrame = positive(json, info, name, "duration_frame");
            double featureFrame = positive(json, info, name, "feature_frame");
            double covered = featureFrame / durationFrame * durationSecond;
            String annotationsPath = JsonDocument.child(name, "annotations");
            JsonNode annotations = json.array(json.field(info, name, "annotations"), annotationsPath);
            List<Segment> segments = new ArrayList<>();
            for (int i = 0; i < annotations.size(); i++) {
                String path = JsonDocument.element(annotationsPath, i);
                JsonNode annotation = json.object(annotations.get(i), path);
                JsonNode bounds = json.field(annotation, path, "segment");
                double[] startEnd = json.startEnd(bounds, JsonDocument.child(path, "segment"));
                double start = startEnd[0];
                double end = startEnd[1];
                String label = json.text(json.field(annotation, path, "label"), JsonDocument.child(path, "label"));
                if (!(end > start)) {
                    warnings.accept(file + ": " + name + " segment " + bounds + " ends at or before its start; left out");
                    continue;
                }
                if ((start < 0 || end > covered) && rejectOutside) {
                    throw json.error(JsonDocument.child(path, "segment"), bounds + " reaches outside the " + covered
                            + " s the features of " + name + " cover (outsideSegments: reject)");
                }
                if (start < 0 || end > covered) {
                    warnings.accept(file + ": " + name + " segment " + bounds + " reaches outside the " + covered
                            + " s its features cover; clipped");
                }
                segments.add(new Segment(start, end, label));
            }
            read.add(new Video(name, durationSecond, durationFrame, featureFrame, segments));
        }
        return read;
    }

    private static double positive(JsonDocument json, JsonNode info, String video, String key)
            throws ActivityNetFormatException {
        String path = JsonDocument.child(video, key);
        double value = json.number(json.field(info, video, key), path);
        if (!(value > 0)) {
            throw json.error(path, "must be positive, got " + value);
        }
        return value;
    }
}
