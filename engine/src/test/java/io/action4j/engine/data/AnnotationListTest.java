package io.action4j.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnnotationListTest {

    @TempDir
    Path folder;

    private Path list(String text) throws IOException {
        return Files.writeString(folder.resolve("list.txt"), text);
    }

    @Test
    void videoListJoinsTheDataPrefixAndSkipsBlankLines() throws Exception {
        List<DatasetEntry> entries = AnnotationList.read(list("a/x.mp4 3\n\n  b/y.mp4   0  \n"), AnnotationFormat.VIDEOS,
                Path.of("/data"), false, false);

        assertThat(entries).extracting(DatasetEntry::path).containsExactly(Path.of("/data/a/x.mp4"), Path.of("/data/b/y.mp4"));
        assertThat(entries).extracting(DatasetEntry::labels).containsExactly(List.of(3), List.of(0));
        assertThat(entries).extracting(DatasetEntry::line).containsExactly(1, 3);
        assertThat(entries.get(0).totalFrames()).isEmpty();
    }

    @Test
    void rawframeListsCarryFrameCountsAndOptionalOffsets() throws Exception {
        DatasetEntry plain = AnnotationList.read(list("clip_1 300 7\n"), AnnotationFormat.RAWFRAMES, null, false, false).get(0);
        DatasetEntry offset = AnnotationList.read(list("clip_1 10 300 7\n"), AnnotationFormat.RAWFRAMES, null, false, true).get(0);

        assertThat(plain.totalFrames()).hasValue(300);
        assertThat(plain.labels()).containsExactly(7);
        assertThat(offset.offset()).isEqualTo(10);
        assertThat(offset.totalFrames()).hasValue(300);
    }

    @Test
    void multiLabelLinesKeepEveryLabel() throws Exception {
        DatasetEntry entry = AnnotationList.read(list("v.mp4 1 4 9\n"), AnnotationFormat.VIDEOS, null, true, false).get(0);

        assertThat(entry.labels()).containsExactly(1, 4, 9);
    }

    @Test
    void malformedLinesNameTheFileTheLineAndTheField() throws Exception {
        Path extraField = list("ok.mp4 1\nbad.mp4 1 2\n");
        assertThatThrownBy(() -> AnnotationList.read(extraField, AnnotationFormat.VIDEOS, null, false, false))
                .isInstanceOf(IOException.class)
                .hasMessage(extraField + ":2: expected 'path label', got 'bad.mp4 1 2'");

        Path notANumber = list("clip 3x 1\n");
        assertThatThrownBy(() -> AnnotationList.read(notANumber, AnnotationFormat.RAWFRAMES, null, false, false))
                .hasMessage(notANumber + ":1: total_frames is not an integer: '3x'");

        Path negative = list("v.mp4 -1\n");
        assertThatThrownBy(() -> AnnotationList.read(negative, AnnotationFormat.VIDEOS, null, false, false))
                .hasMessage(negative + ":1: label must not be negative, got -1");
    }

    @Test
    void missingListIsNamed() {
        Path missing = folder.resolve("nope.txt");

        assertThatThrownBy(() -> AnnotationList.read(missing, AnnotationFormat.VIDEOS, null, false, false))
                .isInstanceOf(IOException.class)
                .hasMessage(missing + ": annotation list not found");
    }
}
