package io.action4j.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code eval fuse}: two streams' saved scores averaged with weights, scored and written. */
class EvalFuseEndToEndTest {

    @TempDir
    Path folder;

    /*
     * 3 classes, 3 videos, labels 0, 1, 2. The spatial stream gets a (label 0) only, the temporal stream b and c:
     *   a: rgb [0.6, 0.3, 0.1], flow [0.2, 0.5, 0.3]
     *   b: rgb [0.5, 0.4, 0.1], flow [0.1, 0.8, 0.1]
     *   c: rgb [0.5, 0.1, 0.4], flow [0.1, 0.2, 0.7]
     * Weights 1, 1: a -> [0.4, 0.4, 0.2] (tie, class 0), b -> class 1, c -> class 2: top-1 3/3.
     * Weights 1, 3: a -> [0.3, 0.45, 0.25], class 1: top-1 2/3.
     */
    @Test
    void weightedAverageOfTwoStreamsIsScoredAndWritten() throws Exception {
        Path labels = Files.write(folder.resolve("test.txt"), List.of("a.mp4 0", "b.mp4 1", "c.mp4 2"));
        Path rgb = Files.write(folder.resolve("rgb.jsonl"), List.of(
                "{\"video\": \"a.mp4\", \"scores\": [0.6, 0.3, 0.1]}",
                "{\"video\": \"b.mp4\", \"scores\": [0.5, 0.4, 0.1]}",
                "{\"video\": \"c.mp4\", \"scores\": [0.5, 0.1, 0.4]}"));
        Path flow = Files.write(folder.resolve("flow.jsonl"), List.of(
                "{\"video\": \"c.mp4\", \"scores\": [0.1, 0.2, 0.7]}",
                "{\"video\": \"a.mp4\", \"scores\": [0.2, 0.5, 0.3]}",
                "{\"video\": \"b.mp4\", \"scores\": [0.1, 0.8, 0.1]}"));
        Path fused = folder.resolve("fused.jsonl");

        Launcher.Result even = Launcher.run("eval", "fuse", "--pred", rgb.toString(), "--pred", flow.toString(),
                "--labels", labels.toString(), "--out", fused.toString());
        Launcher.Result weighted = Launcher.run("eval", "fuse", "--pred", rgb.toString(), "--pred", flow.toString(),
                "--weights", "1,3", "--labels", labels.toString());

        assertThat(even.exitCode()).as(even.err()).isZero();
        assertThat(even.out()).contains("fused 3 videos from 2 files, weights [1.0, 1.0]")
                .containsPattern("acc/top1 +1\\.0000\n");
        assertThat(Files.readAllLines(fused)).hasSize(3).first().asString().contains("\"a.mp4\"");
        assertThat(weighted.exitCode()).as(weighted.err()).isZero();
        assertThat(weighted.out()).containsPattern("acc/top1 +0\\.6667\n");
        Launcher.Result rescored = Launcher.run("eval", "recognition", "--pred", fused.toString(), "--labels",
                labels.toString());
        assertThat(rescored.out()).containsPattern("acc/top1 +1\\.0000\n");
    }

    @Test
    void filesThatDoNotFitAreOneLineErrors() throws Exception {
        Path rgb = Files.write(folder.resolve("rgb.jsonl"), List.of("{\"video\": \"a.mp4\", \"scores\": [0.6, 0.4]}"));
        Path other = Files.write(folder.resolve("other.jsonl"), List.of("{\"video\": \"b.mp4\", \"scores\": [0.6, 0.4]}"));

        Launcher.Result missing = Launcher.run("eval", "fuse", "--pred", rgb.toString(), "--pred", other.toString(),
                "--out", folder.resolve("f.jsonl").toString());
        Launcher.Result weights = Launcher.run("eval", "fuse", "--pred", rgb.toString(), "--pred", rgb.toString(),
                "--weights", "1", "--out", folder.resolve("f.jsonl").toString());
        Launcher.Result nothing = Launcher.run("eval", "fuse", "--pred", rgb.toString(), "--pred", rgb.toString());

        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("other.jsonl has no scores for a.mp4");
        assertThat(weights.exitCode()).isEqualTo(1);
        assertThat(weights.err()).contains("--weights: 1 weights for 2 --pred files");
        assertThat(nothing.exitCode()).isEqualTo(1);
        assertThat(nothing.err()).contains("nothing to do");
        assertThat(folder.resolve("f.jsonl")).doesNotExist();
    }
}
