package io.action4j.spatiotemporal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.action4j.api.detection.NormalizedBox;
import io.action4j.spatiotemporal.ava.AvaCsvReader;
import io.action4j.spatiotemporal.ava.AvaCsvRow;
import io.action4j.spatiotemporal.ava.AvaExclusionsReader;
import io.action4j.spatiotemporal.ava.AvaFormatException;
import io.action4j.spatiotemporal.ava.AvaLabel;
import io.action4j.spatiotemporal.ava.AvaLabelMapReader;
import io.action4j.spatiotemporal.ava.KeyframeKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AvaFilesTest {

    @TempDir
    Path dir;

    @Test
    void readsTheGroundTruthFixture() throws IOException {
        List<AvaCsvRow> rows = AvaCsvReader.read(Fixtures.file("eval_detection", "gt.csv"));

        assertThat(rows).hasSize(12);
        AvaCsvRow first = rows.get(0);
        assertThat(first.videoId()).isEqualTo("3reY9zJKhqN");
        assertThat(first.timestampSeconds()).isEqualTo(1774.0);
        assertThat(first.box()).isEqualTo(new NormalizedBox(0.278f, 0.203f, 0.964f, 0.677f));
        assertThat(first.actionId()).isEqualTo(3);
        assertThat(first.lastColumn()).isZero();
        assertThat(first.keyframe()).isEqualTo(new KeyframeKey("3reY9zJKhqN", 1774));
    }

    @Test
    void readsTheLabelMapFixtures() throws IOException {
        assertThat(AvaLabelMapReader.read(Fixtures.file("eval_detection", "action_list.txt")))
                .containsExactly(new AvaLabel(1, "action1"), new AvaLabel(2, "action2"), new AvaLabel(3, "action3"));
        assertThat(AvaLabelMapReader.classIds(AvaLabelMapReader.read(Fixtures.file("ava_dataset", "action_list.txt"))))
                .startsWith(12, 17);
    }

    @Test
    void readsTheExclusionsFixture() throws IOException {
        assertThat(AvaExclusionsReader.read(Fixtures.file("ava_dataset", "ava_excluded_timestamps_sample.csv")))
                .containsExactlyInAnyOrder(new KeyframeKey("0f39OWEqJ24", 903), new KeyframeKey("_-Z6wFjXtGQ", 902));
    }

    /** MMAction2 only reads lines indented by exactly two spaces; others are ignored, not errors. */
    @Test
    void labelMapLinesWithOtherIndentationAreIgnored() throws IOException {
        Path file = write("labels.pbtxt", """
                item {
                  name: "kept"
                  id: 4
                }
                item {
                    name: "four spaces"
                    id: 5
                }
                item {
                \tname: "tab"
                  label_id: 6
                }
                """);

        assertThat(AvaLabelMapReader.read(file)).containsExactly(new AvaLabel(4, "kept"), new AvaLabel(6, "kept"));
    }

    @Test
    void aRowWithTheWrongColumnCountNamesFileAndLine() throws IOException {
        Path file = write("rows.csv", "v,0902,0.1,0.2,0.3,0.4,1\nv,0902,0.1,0.2,0.3,0.4\n");

        assertThatThrownBy(() -> AvaCsvReader.read(file))
                .isInstanceOfSatisfying(AvaFormatException.class, e -> assertThat(e.line()).isEqualTo(2))
                .hasMessageContaining(file + ":2")
                .hasMessageContaining("7 or 8 columns");
    }

    @Test
    void aNonNumberNamesFileLineAndColumn() throws IOException {
        Path file = write("rows.csv", "v,0902,0.1,0.2,0.3,0.4,1\n\nv,0902,0.1,0.2,0.3,0.4,walk,0.9\n");

        assertThatThrownBy(() -> AvaCsvReader.read(file))
                .isInstanceOf(AvaFormatException.class)
                .hasMessageContaining(file + ":3")
                .hasMessageContaining("action_id");
    }

    @Test
    void badExclusionsAndLabelMapsNameFileAndLine() throws IOException {
        Path exclusions = write("excluded.csv", "v,0902\nv,0903,extra\n");
        Path labels = write("labels.pbtxt", "item {\n  name: \"a\"\n  id: one\n}\n");

        assertThatThrownBy(() -> AvaExclusionsReader.read(exclusions)).hasMessageContaining(exclusions + ":2");
        assertThatThrownBy(() -> AvaLabelMapReader.read(labels)).hasMessageContaining(labels + ":3");
    }

    @Test
    void aMissingFileIsAnIoExceptionNamingIt() {
        Path missing = dir.resolve("nope.csv");

        assertThatThrownBy(() -> AvaCsvReader.read(missing))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining(missing.toString());
        assertThatThrownBy(() -> AvaLabelMapReader.read(missing)).isInstanceOf(NoSuchFileException.class);
        assertThatThrownBy(() -> AvaExclusionsReader.read(missing)).isInstanceOf(NoSuchFileException.class);
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }
}
