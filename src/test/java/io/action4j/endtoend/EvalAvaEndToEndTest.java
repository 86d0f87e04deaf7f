package io.action4j.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code eval ava} on MMAction2's own AVA evaluation data: its published frame-mAP, printed and written. */
class EvalAvaEndToEndTest {

    @TempDir
    Path folder;

    @Test
    void reproducesThePublishedFrameMap() throws Exception {
        Path data = Launcher.repository().resolveSibling("shared").resolve("fixtures/mmaction2/tests/data/eval_detection");
        assumeTrue(Files.isDirectory(data), "missing fixture " + data + " (the ../shared checkout); skipping");
        Path json = folder.resolve("ava.json");

        Launcher.Result result = Launcher.run("eval", "ava", "--gt", data.resolve("gt.csv").toString(), "--pred",
                data.resolve("pred.csv").toString(), "--labelmap", data.resolve("action_list.txt").toString(),
                "--out", json.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("mAP@0.5 0.09385522").containsPattern("3 action3 +0\\.1111");
        JsonNode written = new ObjectMapper().readTree(json.toFile());
        assertThat(written.get("mAP@0.5").asDouble()).isCloseTo(0.09385522, org.assertj.core.api.Assertions.within(1e-8));
        assertThat(written.get("per_class").get("3").get("name").asText()).isEqualTo("action3");
    }

    @Test
    void categoryGroupsOfAvasOwnLabelMapsAreScoredToo() throws Exception {
        Path data = Launcher.repository().resolveSibling("shared").resolve("fixtures/mmaction2/tests/data/eval_detection");
        assumeTrue(Files.isDirectory(data), "missing fixture " + data + " (the ../shared checkout); skipping");
        // AVA's own map format: label entries with a label_type after the id.
        Path map = Files.writeString(folder.resolve("map.pbtxt"), """
                label {
                  name: "action1"
                  label_id: 1
                  label_type: PERSON_MOVEMENT
                }
                label {
                  name: "action2"
                  label_id: 2
                  label_type: PERSON_MOVEMENT
                }
                label {
                  name: "action3"
                  label_id: 3
                  label_type: PERSON_INTERACTION
                }
                """);

        Launcher.Result result = Launcher.run("eval", "ava", "--gt", data.resolve("gt.csv").toString(), "--pred",
                data.resolve("pred.csv").toString(), "--labelmap", map.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        // PERSON_MOVEMENT: the mean of action1's and action2's AP; PERSON_INTERACTION: action3's, 1/9.
        assertThat(result.out()).contains("mAP@0.5 0.09385522").contains("mAP PERSON_INTERACTION   0.11111111 (1 classes)")
                .contains("mAP PERSON_MOVEMENT      0.08522727 (2 classes)");
    }

    @Test
    void aMissingFileIsNamed() {
        Launcher.Result result = Launcher.run("eval", "ava", "--gt", folder.resolve("none.csv").toString(), "--pred",
                folder.resolve("none.csv").toString(), "--labelmap", folder.resolve("map.pbtxt").toString());

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.err()).contains("map.pbtxt");
    }
}
