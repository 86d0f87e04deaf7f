package io.action4j.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SynthEndToEndTest {

    @TempDir
    Path folder;

    @Test
    void writesADatasetThatVideoCheckAccepts() throws Exception {
        Path out = folder.resolve("synth");

        Launcher.Result result = Launcher.run("synth", "--out", out.toString(), "--seed", "3",
                "--classes", "move_right,grow", "--size", "48x32", "--frames", "8", "--fps", "10",
                "--difficulty", "hard", "--train-per-class", "2", "--val-per-class", "1", "--test-per-class", "0");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).containsPattern("wrote 6 videos \\(train 4, val 2, test 0; 2 classes, 48x32, 8 frames\\) "
                + "to \\S+ in [0-9.]+ s \\([0-9.]+ videos/s\\)");
        assertThat(Files.readAllLines(out.resolve("classes.txt"))).containsExactly("move_right", "grow");
        assertThat(Files.readAllLines(out.resolve("train.txt"))).containsExactly(
                "videos/move_right/move_right_train_0000.mp4 0", "videos/move_right/move_right_train_0001.mp4 0",
                "videos/grow/grow_train_0000.mp4 1", "videos/grow/grow_train_0001.mp4 1");
        assertThat(Files.readAllLines(out.resolve("test.txt"))).isEmpty();
        assertThat(Files.readString(out.resolve("synth.json"))).contains("\"seed\" : 3").contains("\"difficulty\" : 0.8")
                .contains("\"classes\" : [ \"move_right\", \"grow\" ]");

        Launcher.Result check = Launcher.run("video", "check", "--annotations", out.resolve("train.txt").toString(),
                "--data-prefix", out.toString());

        assertThat(check.exitCode()).as(check.out() + check.err()).isZero();
        assertThat(check.out()).containsPattern("OK   \\S+move_right_train_0000\\.mp4  8 frames  10\\.000 fps  48x32")
                .contains("4 of 4 videos decode");
    }

    @Test
    void badSettingsAreOneClearErrorAndHelpListsTheOptions() {
        Launcher.Result unknown = Launcher.run("synth", "--out", folder.toString(), "--classes", "move_left,jump");
        Launcher.Result size = Launcher.run("synth", "--out", folder.toString(), "--size", "64");
        Launcher.Result odd = Launcher.run("synth", "--out", folder.toString(), "--size", "63x64");
        Launcher.Result help = Launcher.run("synth", "--help");
        Launcher.Result both = Launcher.run("synth", "--out", folder.toString(), "--ava", "--untrimmed");
        Launcher.Result fraction = Launcher.run("synth", "--out", folder.toString(), "--ava", "--duration", "2.5");
        Launcher.Result actors = Launcher.run("synth", "--out", folder.toString(), "--ava", "--actors", "3,2");

        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).startsWith("error: classes: unknown class 'jump'; known: move_left,");
        assertThat(List.of(size.exitCode(), odd.exitCode())).containsExactly(1, 1);
        assertThat(size.err()).contains("error: --size must be WIDTHxHEIGHT, e.g. 64x64, got '64'");
        assertThat(odd.err()).contains("error: width: must be even and at most 1024, got 63");
        assertThat(both.err()).contains("error: --ava and --untrimmed are different datasets: choose one");
        assertThat(fraction.err()).contains("error: --duration must be a whole number of seconds, at least 2");
        assertThat(actors.err()).contains("error: actors must be MIN,MAX with 1 <= MIN <= MAX, got 3,2");
        assertThat(List.of(both.exitCode(), fraction.exitCode(), actors.exitCode())).containsOnly(1);
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).startsWith("Usage: action4j synth").contains("--difficulty=LEVEL")
                .contains("--train-per-class=N").contains("(default: 64x64)").contains("--ava")
                .contains("--actors=MIN,MAX");
    }
}
