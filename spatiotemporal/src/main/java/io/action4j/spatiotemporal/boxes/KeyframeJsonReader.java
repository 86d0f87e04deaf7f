package io.action4j.spatiotemporal.boxes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.action4j.api.detection.NormalizedBox;
import io.action4j.registry.config.JsonMessages;
import io.action4j.spatiotemporal.ava.AvaCsvRow;
import io.action4j.spatiotemporal.ava.AvaFormatException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Person boxes from JSON: one object per keyframe, as {@code detect} writes them
 * ({@code ID.keyframes.jsonl}), one per line ({@code .jsonl}) or all in an array ({@code .json}):
 * <pre>{"video": "street", "seconds": 12, "people": [{"box": [0.21, 0.15, 0.40, 0.91], "boxScore": 0.97}]}</pre>
 * Box corners are fractions of the frame; a person without {@code boxScore} scores 1.0. Other fields
 * (track ids, actions) are ignored.
 */
final class KeyframeJsonReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private KeyframeJsonReader() {
    }

    /** The boxes as proposal rows (action id 0), line numbers for messages (the element's index in an array). */
    static List<AvaCsvRow> readBoxes(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "no such box file");
        }
        List<AvaCsvRow> rows = new ArrayList<>();
        if (file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".json")) {
            JsonNode all = parse(file, 1, Files.readString(file, StandardCharsets.UTF_8));
            if (!all.isArray()) {
                throw new AvaFormatException(file, 1, "expected an array of keyframe objects");
            }
            for (int i = 0; i < all.size(); i++) {
                keyframe(file, i + 1, all.get(i), rows);
            }
            return rows;
        }
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int line = 0;
            for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                line++;
                if (!text.isBlank()) {
                    keyframe(file, line, parse(file, line, text), rows);
                }
            }
        }
        return rows;
    }

    private static JsonNode parse(Path file, int line, String text) throws AvaFormatException {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new AvaFormatException(file, line, "not JSON: " + JsonMessages.problem(e));
        }
    }

    private static void keyframe(Path file, int line, JsonNode node, List<AvaCsvRow> rows) throws AvaFormatException {
        JsonNode video = node.get("video");
        JsonNode seconds = node.get("seconds");
        JsonNode people = node.get("people");
        if (video == null || !video.isTextual() || seconds == null || !seconds.isNumber()
                || people == null || !people.isArray()) {
            throw new AvaFormatException(file, line, "a keyframe needs \"video\" (text), \"seconds\" (a number) and "
                    + "\"people\" (an array)");
        }
        for (JsonNode person : people) {
            JsonNode box = person.get("box");
            if (box == null || !box.isArray() || box.size() != 4 || !allNumbers(box)) {
                throw new AvaFormatException(file, line, "a person needs \"box\": [x1, y1, x2, y2]");
            }
            float x1 = box.get(0).floatValue();
            float y1 = box.get(1).floatValue();
            float x2 = box.get(2).floatValue();
            float y2 = box.get(3).floatValue();
            if (!(x2 >= x1 && y2 >= y1)) {
                throw new AvaFormatException(file, line, "box corners out of order: " + box);
            }
            JsonNode score = person.get("boxScore");
            rows.add(new AvaCsvRow(video.asText(), seconds.asDouble(), new NormalizedBox(x1, y1, x2, y2), 0,
                    score == null ? 1.0 : score.asDouble(), line));
        }
    }

    private static boolean allNumbers(JsonNode array) {
        for (JsonNode value : array) {
            if (!value.isNumber()) {
                return false;
            }
        }
        return true;
    }
}
