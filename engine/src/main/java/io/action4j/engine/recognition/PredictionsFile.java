package io.action4j.engine.recognition;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.action4j.api.io.AtomicFiles;
import io.action4j.registry.config.JsonMessages;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Per-video class scores as JSON Lines, one object per video:
 * {@code {"video": "abseiling/x.mp4", "scores": [0.1, 2.5, ...]}}, with an optional {@code "label": 3}
 * or {@code "labels": [3, 7]}. Every line has the same number of scores (the class count), a video
 * appears once, scores are finite float32 values. Blank lines are skipped. {@code action4j eval
 * recognition} scores such a file against an annotation list, whichever tool wrote it.
 */
public final class PredictionsFile {

    private static final Set<String> KEYS = Set.of("video", "scores", "label", "labels");
    private static final String SHAPE = "{\"video\": \"...\", \"scores\": [...]}";

    // Decimals stay exact until each score is rounded once, to float32. NaN and Infinity (Python's json.dump
    // writes them) are read, so that they are refused below naming the video, not by the JSON parser.
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private PredictionsFile() {
    }

    /** @throws IOException naming the file and line of a malformed line, a wrong score count or a repeated video */
    public static List<Prediction> read(Path file) throws IOException {
        List<Prediction> predictions = new ArrayList<>();
        Checks checks = new Checks(file.toString());
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int number = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                if (!line.isBlank()) {
                    Prediction prediction = parse(line, file + ":" + number + ": ");
                    checks.accept(prediction, number);
                    predictions.add(prediction);
                }
            }
        } catch (NoSuchFileException e) {
            throw new IOException(file + ": predictions file not found");
        }
        return List.copyOf(predictions);
    }

    public static void write(Path file, List<Prediction> predictions) throws IOException {
        try (Writer writer = writer(file)) {
            for (Prediction prediction : predictions) {
                writer.write(prediction);
            }
            writer.commit();
        }
    }

    /**
     * Writes predictions one at a time (a test run can stream them), with the checks {@link #read} applies;
     * the file appears, replacing an earlier one, at {@link Writer#commit()} (see {@link AtomicFiles}).
     */
    public static Writer writer(Path file) throws IOException {
        return new Writer(file);
    }

    /** Streams predictions to a file; refuses what {@link #read} would refuse. */
    public static final class Writer implements Closeable {

        private final AtomicFiles.PendingText pending;
        private final Checks checks;
        private int number;

        private Writer(Path file) throws IOException {
            this.pending = AtomicFiles.pendingText(file);
            this.checks = new Checks(file.toString());
        }

        public void write(Prediction prediction) throws IOException {
            float[] scores = prediction.scores();
            for (int c = 0; c < scores.length; c++) {
                if (!Float.isFinite(scores[c])) {
                    throw new IOException(checks.file + ": video '" + prediction.video() + "': score " + c
                            + " is " + scores[c] + "; predictions files hold finite scores");
                }
            }
            checks.accept(prediction, ++number);
            ObjectNode node = MAPPER.createObjectNode().put("video", prediction.video());
            ArrayNode array = node.putArray("scores");
            for (float score : scores) {
                array.add(score);
            }
            if (prediction.labels().size() == 1) {
                node.put("label", prediction.labels().get(0));
            } else if (!prediction.labels().isEmpty()) {
                prediction.labels().forEach(node.putArray("labels")::add);
            }
            pending.writer().write(MAPPER.writeValueAsString(node) + "\n");
        }

        /** Puts the predictions written so far in place of the file. */
        public void commit() throws IOException {
            pending.commit();
        }

        /** Without a {@link #commit()}, discards what was written: an earlier file stays as it was. */
        @Override
        public void close() throws IOException {
            pending.close();
        }
    }

    /** The rules that hold across lines: one class count, one line per video. */
    private static final class Checks {

        private final String file;
        private final Map<String, Integer> lineOfVideo = new HashMap<>();
        private int numClasses = -1;
        private int firstLine;

        Checks(String file) {
            this.file = file;
        }

        void accept(Prediction prediction, int line) throws IOException {
            String where = file + ":" + line + ": ";
            int count = prediction.scores().length;
            if (count == 0) {
                throw new IOException(where + "'scores' is empty");
            }
            if (numClasses < 0) {
                numClasses = count;
                firstLine = line;
            } else if (count != numClasses) {
                throw new IOException(where + "'scores' has " + count + " values, line " + firstLine + " has "
                        + numClasses + " (one per class)");
            }
            Integer earlier = lineOfVideo.putIfAbsent(prediction.video(), line);
            if (earlier != null) {
                throw new IOException(where + "video '" + prediction.video() + "' is already on line " + earlier);
            }
        }
    }

    private static Prediction parse(String line, String where) throws IOException {
        JsonNode node;
        try {
            node = MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IOException(where + "malformed JSON: " + JsonMessages.problem(e));
        }
        if (!node.isObject()) {
            throw new IOException(where + "expected an object " + SHAPE + ", got " + node.getNodeType().name().toLowerCase());
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!KEYS.contains(name)) {
                throw new IOException(where + "unknown key '" + name + "'; known keys: [label, labels, scores, video]");
            }
        }
        JsonNode video = node.get("video");
        if (video == null || !video.isTextual() || video.asText().isEmpty()) {
            throw new IOException(where + "'video' must be a non-empty string, as in " + SHAPE);
        }
        return new Prediction(video.asText(), scores(node.get("scores"), where, video.asText()), labels(node, where));
    }

    private static float[] scores(JsonNode scores, String where, String video) throws IOException {
        if (scores == null || !scores.isArray()) {
            throw new IOException(where + "'scores' must be an array of numbers, as in " + SHAPE);
        }
        float[] values = new float[scores.size()];
        for (int c = 0; c < values.length; c++) {
            JsonNode score = scores.get(c);
            if (!score.isNumber()) {
                throw new IOException(where + "scores[" + c + "] is not a number: " + score);
            }
            values[c] = score.floatValue();
            if (!Float.isFinite(values[c])) {
                throw new IOException(where + "video '" + video + "': scores[" + c + "] is " + score.asText()
                        + ", not a finite float32; predictions must be finite scores (Python's json.dump writes NaN "
                        + "and Infinity unless told allow_nan=False)");
            }
        }
        return values;
    }

    private static List<Integer> labels(JsonNode node, String where) throws IOException {
        JsonNode label = node.get("label");
        JsonNode labels = node.get("labels");
        if (label != null && labels != null) {
            throw new IOException(where + "give 'label' or 'labels', not both");
        }
        if (label != null) {
            return List.of(classIndex(label, "label", where));
        }
        if (labels == null) {
            return List.of();
        }
        if (!labels.isArray()) {
            throw new IOException(where + "'labels' must be an array of class indices, got " + labels);
        }
        List<Integer> values = new ArrayList<>();
        for (JsonNode value : labels) {
            values.add(classIndex(value, "labels", where));
        }
        return values;
    }

    private static int classIndex(JsonNode value, String key, String where) throws IOException {
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 0) {
            throw new IOException(where + "'" + key + "' must hold class indices (integers >= 0), got " + value);
        }
        return value.intValue();
    }
}
