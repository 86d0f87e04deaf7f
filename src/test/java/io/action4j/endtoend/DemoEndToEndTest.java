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
        Launcher.Result result = Launcher.run("demo", "--detections-video", folder.resolve("detections.mp4").toString());

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
        Launcher.Result result = Launcher.run("demo", "--seed", "2", "--tasks", "localization");

        assertThat(result.exitCode()).as(result.err()).isZero();
        String out = result.out();
        int truthAt = out.indexOf("generated an untrimmed synthetic video");
        int foundAt = out.indexOf("localized by the built-in localizer");
        assertThat(truthAt).as(out).isGreaterThanOrEqualTo(0);
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

    @Test
    void detectsWhoDoesWhatInAMultiActorVideoWithTheBuiltInDetector() {
        Path video = folder.resolve("detections.mp4");

        Launcher.Result result = Launcher.run("demo", "--tasks", "detection", "--detections-video", video.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        String out = result.out();
        int truthAt = out.indexOf("generated a multi-actor synthetic video, 160x120, 15 s");
        int foundAt = out.indexOf("detected by the built-in detector");
        assertThat(truthAt).as(out).isGreaterThanOrEqualTo(0);
        assertThat(foundAt).as(out).isGreaterThan(truthAt);
        assertThat(out).contains("on the generator's person boxes (oracle boxes").contains("wrote " + video);
        assertThat(video).isNotEmptyFile();
        Matcher people = Pattern.compile("15 s, (\\d+) people;").matcher(out);
        assertThat(people.find()).as(out).isTrue();
        assertThat(out).as("every person followed over the whole video by one track")
                .contains(people.group(1) + " people tracked over 14 keyframes");
        List<Labelled> truth = labelled(out.substring(truthAt, foundAt));
        List<Labelled> found = labelled(out.substring(foundAt));
        assertThat(truth).isNotEmpty();
        assertThat(found).isNotEmpty();
        // A trained detector: most of what the people do is found, with its label, at tIoU 0.5 or more.
        long matched = truth.stream().filter(action -> found.stream().anyMatch(segment -> segment.label().equals(
                action.label()) && tiou(action.span(), segment.span()) >= 0.5)).count();
        assertThat(matched).as(out).isGreaterThanOrEqualTo(Math.round(truth.size() * MATCHED_SHARE));
    }

    /** The share of the ground truth's segments the built-in detector must find in the default demo video (it finds 11 of 17). */
    private static final double MATCHED_SHARE = 0.5;

    private record Labelled(String label, double[] span) {
    }

    private static List<Labelled> labelled(String text) {
        Matcher matcher = Pattern.compile("(\\w+) (-?\\d+\\.\\d)-(\\d+\\.\\d) s").matcher(text);
        List<Labelled> found = new java.util.ArrayList<>();
        while (matcher.find()) {
            found.add(new Labelled(matcher.group(1), new double[] {Double.parseDouble(matcher.group(2)),
                Double.parseDouble(matcher.group(3))}));
        }
        return found;
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
            Launcher.Result result = Launcher.run("demo", "--motion", motion, "--seed", "3", "--keep", video.toString(),
                    "--tasks", "recognition");
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
