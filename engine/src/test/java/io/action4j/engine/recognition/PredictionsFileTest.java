package io.action4j.engine.recognition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PredictionsFileTest {

    @TempDir
    Path folder;

    @Test
    void writtenScoresAndLabelsReadBackBitForBit() throws IOException {
        Path file = folder.resolve("pred.jsonl");
        float[] awkward = {0.1f, -3.4028235e38f, Float.MIN_VALUE, 1f / 3f, 16777217f};
        List<Prediction> written = List.of(new Prediction("a/x.mp4", awkward, List.of(3)),
                new Prediction("b/y.mp4", new float[] {1, 2, 3, 4, 5}, List.of(0, 4)),
                new Prediction("c/z.mp4", new float[] {5, 4, 3, 2, 1}));

        PredictionsFile.write(file, written);
        List<Prediction> read = PredictionsFile.read(file);

        assertThat(Files.readAllLines(file)).hasSize(3)
                .first().asString().startsWith("{\"video\":\"a/x.mp4\",\"scores\":[0.1,").endsWith(",\"label\":3}");
        assertThat(read).extracting(Prediction::video).containsExactly("a/x.mp4", "b/y.mp4", "c/z.mp4");
        assertThat(read.get(0).scores()).containsExactly(awkward);
        assertThat(read).extracting(Prediction::labels).containsExactly(List.of(3), List.of(0, 4), List.of());
    }

    @Test
    void decimalsAreRoundedOnceToFloat32() throws IOException {
        // 0.1 as numpy writes a float32 widened to float64, and as Java writes the float: the same float32.
        Path file = write("{\"video\": \"a\", \"scores\": [0.10000000149011612, 0.1, 7, -2.5e-3]}");

        assertThat(PredictionsFile.read(file).get(0).scores()).containsExactly(0.1f, 0.1f, 7f, -0.0025f);
    }

    @Test
    void blankLinesAreSkippedAndLineNumbersStayThoseOfTheFile() throws IOException {
        Path file = write("{\"video\": \"a\", \"scores\": [1, 2]}", "", "{\"video\": \"b\", \"scores\": [1]}");

        assertThatThrownBy(() -> PredictionsFile.read(file))
                .isInstanceOf(IOException.class)
                .hasMessage(file + ":3: 'scores' has 1 values, line 1 has 2 (one per class)");
    }

    @Test
    void malformedLinesNameFileAndLine() throws IOException {
        assertRefused("{\"video\": \"a\", \"scores\": [1, 2}", ":1: malformed JSON: ");
        assertRefused("{\"video\": \"a\", \"scores\": [NaN]}", ":1: video 'a': scores[0] is NaN, not a finite float32");
        assertRefused("{\"video\": \"b\", \"scores\": [1, -Infinity]}", ":1: video 'b': scores[1] is -Infinity");
        assertRefused("{\"video\": \"a\", \"scores\": [1]} {}", ":1: malformed JSON: ");
        assertRefused("[1, 2]", ":1: expected an object {\"video\": \"...\", \"scores\": [...]}, got array");
        assertRefused("{\"video\": \"a\", \"score\": [1]}", ":1: unknown key 'score'; known keys: [label, labels, scores, video]");
        assertRefused("{\"scores\": [1]}", ":1: 'video' must be a non-empty string");
        assertRefused("{\"video\": \"a\"}", ":1: 'scores' must be an array of numbers");
        assertRefused("{\"video\": \"a\", \"scores\": []}", ":1: 'scores' is empty");
        assertRefused("{\"video\": \"a\", \"scores\": [1, \"2\"]}", ":1: scores[1] is not a number: \"2\"");
        assertRefused("{\"video\": \"a\", \"scores\": [1, 1e39]}", ":1: video 'a': scores[1] is 1E+39, not a finite float32");
        assertRefused("{\"video\": \"a\", \"scores\": [1], \"label\": 1.5}", ":1: 'label' must hold class indices");
        assertRefused("{\"video\": \"a\", \"scores\": [1], \"label\": 1, \"labels\": [1]}", ":1: give 'label' or 'labels', not both");
    }

    @Test
    void aVideoTwiceIsRefusedNamingBothLines() throws IOException {
        Path file = write("{\"video\": \"a.mp4\", \"scores\": [1]}", "{\"video\": \"b.mp4\", \"scores\": [1]}",
                "{\"video\": \"a.mp4\", \"scores\": [2]}");

        assertThatThrownBy(() -> PredictionsFile.read(file))
                .hasMessage(file + ":3: video 'a.mp4' is already on line 1");
    }

    @Test
    void writerRefusesWhatTheReaderWouldRefuse() throws IOException {
        Path file = folder.resolve("out.jsonl");
        try (PredictionsFile.Writer writer = PredictionsFile.writer(file)) {
            writer.write(new Prediction("a", new float[] {1, 2}));
            assertThatThrownBy(() -> writer.write(new Prediction("b", new float[] {1})))
                    .hasMessageContaining("'scores' has 1 values, line 1 has 2");
            assertThatThrownBy(() -> writer.write(new Prediction("a", new float[] {1, 2})))
                    .hasMessageContaining("video 'a' is already on line 1");
            assertThatThrownBy(() -> writer.write(new Prediction("c", new float[] {Float.NaN, 2})))
                    .hasMessageContaining("video 'c': score 0 is NaN");
            writer.commit();
        }
        assertThat(PredictionsFile.read(file)).singleElement().extracting(Prediction::video).isEqualTo("a");
    }

    @Test
    void aWriterClosedWithoutCommitLeavesTheEarlierFile() throws IOException {
        Path file = write("{\"video\": \"earlier.mp4\", \"scores\": [1]}");

        try (PredictionsFile.Writer writer = PredictionsFile.writer(file)) {
            writer.write(new Prediction("new.mp4", new float[] {2}));
        }

        assertThat(PredictionsFile.read(file)).singleElement().extracting(Prediction::video).isEqualTo("earlier.mp4");
        try (var entries = Files.list(file.getParent())) {
            assertThat(entries).containsExactly(file);
        }
    }

    @Test
    void missingFileIsNamed() {
        Path file = folder.resolve("absent.jsonl");

        assertThatThrownBy(() -> PredictionsFile.read(file)).hasMessage(file + ": predictions file not found");
    }

    private void assertRefused(String line, String message) throws IOException {
        Path file = write(line);
        assertThatThrownBy(() -> PredictionsFile.read(file))
                .as(line).isInstanceOf(IOException.class).hasMessageStartingWith(file + message);
    }

    private Path write(String... lines) throws IOException {
        Path file = Files.createTempFile(folder, "pred", ".jsonl");
        Files.write(file, List.of(lines));
        return file;
    }
}
