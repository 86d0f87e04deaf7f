package io.action4j.localization.activitynet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.action4j.api.metric.LocalizationSample;
import io.action4j.api.result.TemporalSegment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ActivityNetFilesTest {

    private static final String GROUND_TRUTH = """
            {"v_abc": {"duration": 30.0, "annotations": [
                {"segment": [1.0, 5.0], "label": "Jump"},
                {"segment": [6.0, 9.0], "label": "Run"}]},
             "v_def": {"annotations": [{"segment": [0, 2], "label": "Run"}]}}
            """;
    private static final String RESULTS = """
            {"results": {
                "xyz": [{"label": "Jump", "score": 0.5, "segment": [0.0, 1.0]}],
                "abc": [{"label": "Run", "score": 0.9, "segment": [6.0, 9.0]}]}}
            """;

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void sharesGroundTruthClassIndicesAndStripsOnlyGroundTruthPrefixes() throws Exception {
        ActivityNetDataset dataset = ActivityNetFiles.read(write("gt.json", GROUND_TRUTH), write("r.json", RESULTS));

        assertThat(dataset.classNames()).containsExactly("Jump", "Run");
        assertThat(dataset.classIndex("Run")).isEqualTo(1);
        // Videos with results first, in file order, then the rest of the ground truth.
        assertThat(dataset.samples()).extracting(LocalizationSample::videoId).containsExactly("xyz", "abc", "def");
        LocalizationSample abc = dataset.samples().get(1);
        assertThat(abc.predicted()).containsExactly(new TemporalSegment(6.0, 9.0, 1, 0.9));
        assertThat(abc.groundTruth()).extracting(TemporalSegment::label).containsExactly(0, 1);
        assertThat(dataset.samples().get(0).groundTruth()).isEmpty();
    }

    @Test
    void proposalsNeedNoLabelAndIgnoreOne() throws Exception {
        Path proposals = write("p.json", "{\"results\": {\"abc\": [{\"segment\": [0.0, 1.0], \"score\": 0.5}, "
                + "{\"segment\": [2.0, 3.0], \"score\": 0.25, \"label\": \"not a class\"}]}}");

        ActivityNetDataset dataset = ActivityNetFiles.readProposals(write("gt.json", GROUND_TRUTH), proposals);

        assertThat(dataset.samples().get(0).videoId()).isEqualTo("abc");
        assertThat(dataset.samples().get(0).predicted()).extracting(TemporalSegment::label)
                .containsExactly(ActivityNetFiles.PROPOSAL_LABEL, ActivityNetFiles.PROPOSAL_LABEL);
        assertThat(dataset.samples().get(0).predicted()).extracting(TemporalSegment::score).containsExactly(0.5, 0.25);
    }

    @Test
    void aMissingFileIsNamed() throws Exception {
        Path missing = dir.resolve("nowhere.json");

        assertReadFails(missing, write("r.json", RESULTS))
                .isInstanceOf(ActivityNetFormatException.class)
                .hasMessageContaining(missing.toString());
    }

    @Test
    void malformedJsonNamesTheFile() throws Exception {
        Path results = write("r.json", "{\"results\": {\"abc\": [");

        assertReadFails(write("gt.json", GROUND_TRUTH), results)
                .isInstanceOf(ActivityNetFormatException.class)
                .hasMessageStartingWith(results.toString())
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void aSegmentThatIsNotAPairNamesTheFileAndKey() throws Exception {
        Path groundTruth = write("gt.json", GROUND_TRUTH.replace("[6.0, 9.0]", "[6.0, 9.0, 12.0]"));

        assertReadFails(groundTruth, write("r.json", RESULTS))
                .isInstanceOf(ActivityNetFormatException.class)
                .hasMessageStartingWith(groundTruth.toString())
                .hasMessageContaining("v_abc.annotations[1].segment");
        Path results = write("r2.json", RESULTS.replace("[0.0, 1.0]", "\"0.0-1.0\""));
        assertReadFails(write("gt2.json", GROUND_TRUTH), results)
                .hasMessageStartingWith(results.toString())
                .hasMessageContaining("results.xyz[0].segment");
    }

    @Test
    void missingOrIllTypedFieldsNameTheFileAndKey() throws Exception {
        Path gt = write("gt.json", GROUND_TRUTH);
        assertReadFails(gt, write("a.json", "{\"res\": {}}"))
                .hasMessageContaining("a.json").hasMessageContaining("results: is missing");
        assertReadFails(gt, write("b.json", RESULTS.replace("\"score\": 0.9", "\"score\": \"high\"")))
                .hasMessageContaining("b.json").hasMessageContaining("results.abc[0].score");
        assertReadFails(gt, write("c.json", RESULTS.replace("\"label\": \"Run\", ", "")))
                .hasMessageContaining("c.json").hasMessageContaining("results.abc[0].label: is missing");
        assertReadFails(write("d.json", "[]"), write("r.json", RESULTS))
                .hasMessageContaining("d.json").hasMessageContaining("(top level)");
        assertReadFails(write("e.json", ""), write("r.json", RESULTS))
                .isInstanceOf(ActivityNetFormatException.class).hasMessageContaining("e.json");
        assertReadFails(write("f.json", GROUND_TRUTH.replace("\"annotations\"", "\"annos\"")), write("r.json", RESULTS))
                .hasMessageContaining("f.json").hasMessageContaining("v_abc.annotations: is missing");
        assertReadFails(write("g.json", GROUND_TRUTH.replace("[1.0, 5.0]", "[5.0, 1.0]")), write("r.json", RESULTS))
                .hasMessageContaining("g.json").hasMessageContaining("v_abc.annotations[0].segment");
    }

    @Test
    void aResultClassMissingFromTheGroundTruthIsAnError() throws Exception {
        // MMAction2 fails on it too (a KeyError in its activity_index lookup).
        Path results = write("r.json", RESULTS.replace("\"Jump\"", "\"Swim\""));

        assertReadFails(write("gt.json", GROUND_TRUTH), results)
                .hasMessageStartingWith(results.toString())
                .hasMessageContaining("results.xyz[0].label")
                .hasMessageContaining("Swim");
    }

    @Test
    void aGroundTruthKeyWithoutThePrefixIsAnError() throws Exception {
        Path groundTruth = write("gt.json", GROUND_TRUTH.replace("\"v_def\"", "\"def\""));

        assertReadFails(groundTruth, write("r.json", RESULTS))
                .hasMessageStartingWith(groundTruth.toString())
                .hasMessageContaining("def: ground-truth video keys must start with 'v_'");
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertReadFails(Path groundTruth, Path results) {
        return assertThatThrownBy(() -> ActivityNetFiles.read(groundTruth, results))
                .isInstanceOf(ActivityNetFormatException.class);
    }
}
