package io.action4j.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code demo}: a synthetic video the built-in model never saw, recognised with no arguments; and
 * the built-in model tells the motions apart (it is a trained model, not a placeholder).
 */
class DemoEndToEndTest {

    private static final List<String> MOTIONS = List.of("move_left", "move_right", "move_up", "move_down", "rotate_cw",
            "rotate_ccw", "grow", "shrink", "still");
    private static final Pattern SHOWN = Pattern.compile("generated a synthetic '(\\w+)' video, 32x32, 32 frames");
    private static final Pattern FIRST = Pattern.compile("\\n  1\\. (\\w+) +(0\\.\\d{4}|1\\.0000)\\n");

    @TempDir
    Path folder;

    @Test
    void runsWithoutArguments() {
        Launcher.Result result = Launcher.run("demo");

        assertThat(result.exitCode()).as(result.err()).isZero();
        Matcher shown = SHOWN.matcher(result.out());
        assertThat(shown.find()).as(result.out()).isTrue();
        assertThat(MOTIONS).contains(shown.group(1));
        Matcher first = FIRST.matcher(result.out());
        assertThat(first.find()).as(result.out()).isTrue();
        assertThat(MOTIONS).contains(first.group(1));
        assertThat(result.out()).containsPattern("\\n(correct|wrong: the video shows '\\w+')\\n");
    }

    @Test
    void theBuiltInModelRecognisesMostMotions() {
        int correct = 0;
        for (String motion : MOTIONS) {
            Path video = folder.resolve(motion + ".mp4");
            Launcher.Result result = Launcher.run("demo", "--motion", motion, "--seed", "3", "--keep", video.toString());
            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(video).exists();
            correct += result.out().contains("\ncorrect\n") ? 1 : 0;
        }
        // Chance is 1 in 9; the model scores about three quarters of the synthetic test set.
        assertThat(correct).isGreaterThanOrEqualTo(5);
    }

    @Test
    void anUnknownMotionIsNamedInTheError() {
        Launcher.Result result = Launcher.run("demo", "--motion", "jump");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.err()).contains("jump");
    }
}
