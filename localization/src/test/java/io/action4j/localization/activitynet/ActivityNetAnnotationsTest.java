package io.action4j.localization.activitynet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.action4j.localization.SharedFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ActivityNetAnnotationsTest {

    @TempDir
    Path dir;

    @Test
    void readsMmaction2sAnnotationFileAndNormalisesByTheCoveredSpan() throws Exception {
        List<String> warnings = new ArrayList<>();
        List<ActivityNetAnnotations.Video> videos = ActivityNetAnnotations.read(
                SharedFixtures.mmaction2().resolve("tests/data/annotations/action_test_anno.json"), warnings::add);

        assertThat(videos).extracting(ActivityNetAnnotations.Video::name).containsExactly("v_test1", "v_test2");
        assertThat(videos.get(0).normalisedSegments()).isDeepEqualTo(new double[][] {{0.3, 0.6}});
        assertThat(videos.get(1).normalisedSegments()).isDeepEqualTo(new double[][] {{0.5, 1.0}});
        assertThat(warnings).isEmpty();
    }

    @Test
    void segmentsOutsideTheVideoAreClippedAndEmptyOnesLeftOutEachWithAWarning() throws Exception {
        Path file = Files.writeString(dir.resolve("anno.json"), """
                {"v_a": {"duration_second": 10, "duration_frame": 100, "feature_frame": 80, "annotations": [
                  {"segment": [2, 9], "label": "run"}, {"segment": [5, 5], "label": "run"}, {"segment": [1, 3], "label": "jump"}]}}
                """);
        List<String> warnings = new ArrayList<>();

        ActivityNetAnnotations.Video video = ActivityNetAnnotations.read(file, warnings::add).get(0);

        assertThat(video.segments()).hasSize(2);
        assertThat(video.normalisedSegments()[0]).containsExactly(0.25, 1.0);
        assertThat(warnings).containsExactly(
                file + ": v_a segment [2,9] reaches outside the 8.0 s its features cover; clipped",
                file + ": v_a segment [5,5] ends at or before its start; left out");
    }

    @Test
    void segmentsOutsideTheVideoAreRefusedWhenConfiguredSo() throws Exception {
        Path file = Files.writeString(dir.resolve("anno.json"), """
                {"v_a": {"duration_second": 10, "duration_frame": 100, "feature_frame": 80, "annotations": [
                  {"segment": [2, 9], "label": "run"}]}}
                """);

        assertThatThrownBy(() -> ActivityNetAnnotations.read(file, warning -> { }, true))
                .isInstanceOf(ActivityNetFormatException.class).hasMessageContaining("anno.json")
                .hasMessageContaining("v_a.annotations[0].segment")
                .hasMessageContaining("reaches outside the 8.0 s the features of v_a cover");
    }

    @Test
    void missingKeysAreNamedWithTheirPath() throws Exception {
        Path file = Files.writeString(dir.resolve("bad.json"), "{\"v_a\": {\"duration_second\": 10, \"annotations\": []}}");

        assertThatThrownBy(() -> ActivityNetAnnotations.read(file, warning -> { }))
                .isInstanceOf(ActivityNetFormatException.class).hasMessageContaining("v_a.duration_frame");
    }
}
