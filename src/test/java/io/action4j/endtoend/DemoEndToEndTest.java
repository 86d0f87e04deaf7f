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
    void localizesActionsInAnUntrimmedVideoWithTheBuiltInLocalizer() {
        Launcher.Result result = Launcher.run("demo", "--seed", "2");

        assertThat(result.exitCode()).as(result.err()).isZero();
        String out = result.out();
        int truthAt = out.indexOf("generated an untrimmed synthetic video");
        int foundAt = out.indexOf("localized by the built-in localizer");
        assertThat(truthAt).as(out).isPositive();
        assertThat(foundAt).as(out).isGreaterThan(truthAt);
        List<double[]> truth = spans(out.substring(truthAt, foundAt));
        List<double[]> found = spans(out.substring(foundAt));
        assertThat(truth).isNotEmpty();
        assertThat(found).hasSize(8);
        assertThat(out.substring(foundAt)).doesNotContain(" still");
        // The localizer is small and trained on 60 videos; it still has to find some action, to a tIoU of 0.5.
        assertThat(truth).anySatisfy(action -> assertThat(found).anySatisfy(segment ->
                assertThat(tiou(action, segment)).isGreaterThanOrEqualTo(0.5)));
    }

    private static List<double[]> spans(String text) {
        Matcher matcher = Pattern.compile("\\n +(\\d+\\.\\d\\d) s - +(\\d+\\.\\d\\d) s ").matcher(text);
        List<double[]> spans = new java.util.ArrayList<>();
        while (matcher.find()) {
            spans.add(new double[] {Double.parseDouble(matcher.group(1)), Double.parseDouble(matcher.group(2))});
        }
        return spans;
    }

    private static double tiou(double[] a, double[] b) {
        double intersection = Math.max(0, Math.min(a[1], b[1]) - Math.max(a[0], b[0]));
        return intersection / (a[1] - a[0] + b[1] - b[0] - intersection);
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
