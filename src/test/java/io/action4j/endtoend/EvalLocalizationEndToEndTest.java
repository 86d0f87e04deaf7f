package io.action4j.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code eval proposals} and {@code eval detection} on MMAction2's ActivityNet test data; the
 * figures themselves are checked against MMAction2 in the localization module's reference test.
 */
class EvalLocalizationEndToEndTest {

    @TempDir
    Path folder;

    private Path groundTruth;
    private Path results;

    @BeforeEach
    void findFixtures() {
        Path data = Launcher.repository().resolveSibling("shared").resolve("fixtures/mmaction2/tests/data/eval_localization");
        assumeTrue(Files.isDirectory(data), "missing fixture " + data + " (the ../shared checkout); skipping");
        groundTruth = data.resolve("gt.json");
        results = data.resolve("result.json");
    }

    @Test
    void detectionPrintsMapPerThresholdAndWritesEveryFigureExactly() throws Exception {
        Path json = folder.resolve("metrics.json");

        Launcher.Result result = Launcher.run("eval", "detection", "--gt", groundTruth.toString(),
                "--pred", results.toString(), "--out", json.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("classes with ground truth: 2")
                .containsPattern("0\\.5 +0\\.7143\n").containsPattern("0\\.8999999999999999 +0\\.5208\n")
                .containsPattern("average +0\\.6178\n").containsPattern("Wakeboarding +0\\.2355\n");
        JsonNode written = new ObjectMapper().readTree(json.toFile());
        assertThat(written.get("average_mAP").asDouble()).isEqualTo(0.6177579365079365);
        assertThat(written.get("mAP")).hasSize(10);
        assertThat(written.get("ap").get("Cleaning shoes")).hasSize(10);
        assertThat(written.get("tiou_thresholds").get(8).asDouble()).isEqualTo(0.8999999999999999);
    }

    @Test
    void detectionAtThumosThresholds() throws Exception {
        Launcher.Result result = Launcher.run("eval", "detection", "--gt", groundTruth.toString(),
                "--pred", results.toString(), "--tiou", "0.3:0.1:0.7");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).containsPattern("0\\.3 +0\\.9583\n").containsPattern("0\\.39999999999999997 +")
                .doesNotContain("0.55");
    }

    @Test
    void proposalsPrintAucAndTheCurveAndWriteAllOfIt() throws Exception {
        Path json = folder.resolve("proposals.json");

        Launcher.Result result = Launcher.run("eval", "proposals", "--gt", groundTruth.toString(),
                "--pred", results.toString(), "--out", json.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("max_avg_proposals: 100").containsPattern("auc +72\\.5250\n")
                .containsPattern("AR@100 +0\\.7500\n");
        JsonNode written = new ObjectMapper().readTree(json.toFile());
        assertThat(written.get("auc").asDouble()).isEqualTo(72.52499999999999);
        assertThat(written.get("AR@AN").get("average_recall")).hasSize(100);
        assertThat(written.get("AR@AN").get("recall")).hasSize(10);
    }

    @Test
    void badOptionsAndFilesAreNamedAndAnEarlierOutputSurvives() throws Exception {
        Path json = folder.resolve("metrics.json");
        assertThat(Launcher.run("eval", "detection", "--gt", groundTruth.toString(), "--pred", results.toString(),
                "--out", json.toString()).exitCode()).isZero();
        String before = Files.readString(json);
        Path broken = Files.writeString(folder.resolve("broken.json"),
                "{\"results\": {\"x\": [{\"label\": \"Wakeboarding\", \"score\": 0.5, \"segment\": [3.0]}]}}");

        Launcher.Result badFile = Launcher.run("eval", "detection", "--gt", groundTruth.toString(),
                "--pred", broken.toString(), "--out", json.toString());
        Launcher.Result badTiou = Launcher.run("eval", "detection", "--gt", groundTruth.toString(),
                "--pred", results.toString(), "--tiou", "0.5:0.07:0.95");
        Launcher.Result badBudget = Launcher.run("eval", "proposals", "--gt", groundTruth.toString(),
                "--pred", results.toString(), "--max-avg-proposals", "0");

        assertThat(badFile.exitCode()).isNotZero();
        assertThat(badFile.err()).contains("broken.json").contains("results.x[0].segment")
                .contains("must be a [start, end] array");
        assertThat(Files.readString(json)).isEqualTo(before);
        assertThat(badTiou.exitCode()).isNotZero();
        assertThat(badTiou.err()).contains("--tiou").contains("does not divide");
        assertThat(badBudget.exitCode()).isNotZero();
        assertThat(badBudget.err()).contains("--max-avg-proposals must be a positive number");
    }
}
