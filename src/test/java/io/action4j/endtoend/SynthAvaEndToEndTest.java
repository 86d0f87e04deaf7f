package io.action4j.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import io.action4j.api.detection.NormalizedBox;
import io.action4j.api.detection.PersonBox;
import io.action4j.spatiotemporal.ava.AvaCsvReader;
import io.action4j.spatiotemporal.ava.AvaCsvRow;
import io.action4j.spatiotemporal.ava.AvaLabel;
import io.action4j.spatiotemporal.ava.AvaLabelMapReader;
import io.action4j.spatiotemporal.ava.KeyframeKey;
import io.action4j.spatiotemporal.boxes.AvaCsvBoxSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code synth --ava} writes what the AVA readers, {@code ava_csv_boxes} and {@code eval ava} take as
 * they are: the ground truth scored against itself is perfect, a detector's boxes labelled perfectly
 * score less.
 */
class SynthAvaEndToEndTest {

    @TempDir
    static Path folder;
    private static Path data;
    private static Launcher.Result synth;

    @BeforeAll
    static void generate() {
        data = folder.resolve("ava");
        synth = Launcher.run("synth", "--ava", "--out", data.toString(), "--seed", "5", "--size", "96x72", "--fps", "10",
                "--duration", "8", "--videos", "2,1,3", "--actors", "2,3", "--threads", "2");
    }

    @Test
    void writesVideosAndAvaFilesTheReadersAccept() throws Exception {
        assertThat(synth.exitCode()).as(synth.err()).isZero();
        assertThat(synth.out()).containsPattern("wrote 6 multi-actor videos \\(train 2, val 1, test 3; 96x72, 8 s each, "
                + "2-3 actors\\): 42 keyframes, \\d+ person boxes, \\d+ labels, to \\S+ in [0-9.]+ s");

        List<AvaLabel> labels = AvaLabelMapReader.read(data.resolve("ava_action_list.pbtxt"));
        assertThat(labels).extracting(AvaLabel::name).containsExactly("move_left", "move_right", "move_up",
                "move_down", "rotate_cw", "rotate_ccw", "grow", "shrink", "still", "pulse", "wobble");
        assertThat(AvaLabelMapReader.classIds(labels)).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);

        List<AvaCsvRow> truth = AvaCsvReader.read(data.resolve("test.csv"));
        assertThat(truth).extracting(AvaCsvRow::videoId).containsOnly("test_0000", "test_0001", "test_0002");
        assertThat(truth).extracting(AvaCsvRow::timestampSeconds).containsOnly(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0);
        assertThat(truth).allSatisfy(row -> {
            assertThat(row.box().x1()).isBetween(0f, 1f);
            assertThat(row.box().x2()).isBetween(row.box().x1(), 1f);
            assertThat(row.box().y2()).isBetween(row.box().y1(), 1f);
            assertThat(row.actionId()).isBetween(1, 11);
        });

        // The oracle proposals are the ground truth's boxes, once each, as ava_csv_boxes reads them.
        AvaCsvBoxSource oracle = AvaCsvBoxSource.read(data.resolve("test_oracle_proposals.csv"), 0.0, true);
        AvaCsvBoxSource perturbed = AvaCsvBoxSource.read(data.resolve("test_perturbed_proposals.csv"), 0.0, true);
        Map<KeyframeKey, List<NormalizedBox>> truthBoxes = boxesByKeyframe(truth);
        truthBoxes.forEach((key, boxes) -> {
            assertThat(oracle.boxes(key.videoId(), key.second())).extracting(PersonBox::box)
                    .containsExactlyInAnyOrderElementsOf(boxes);
            assertThat(oracle.boxes(key.videoId(), key.second())).extracting(PersonBox::score).containsOnly(1f);
        });
        assertThat(truthBoxes.keySet()).anySatisfy(key -> assertThat(perturbed.boxes(key.videoId(), key.second()))
                .isNotEmpty());

        Launcher.Result check = Launcher.run("video", "check", data.resolve("videos/test_0000.mp4").toString());
        assertThat(check.exitCode()).as(check.out() + check.err()).isZero();
        assertThat(check.out()).containsPattern("OK +\\S+test_0000\\.mp4 +80 frames +10\\.000 fps +96x72");
    }

    @Test
    void theGroundTruthScoresPerfectlyAgainstItselfAndPerfectlyLabelledDetectorBoxesScoreLess() throws Exception {
        assertThat(synth.exitCode()).as(synth.err()).isZero();
        Path labelMap = data.resolve("ava_action_list.pbtxt");
        Path truth = data.resolve("test.csv");

        Launcher.Result oracle = Launcher.run("eval", "ava", "--gt", truth.toString(), "--pred", truth.toString(),
                "--labelmap", labelMap.toString());

        assertThat(oracle.exitCode()).as(oracle.err()).isZero();
        assertThat(mapOf(oracle.out())).isEqualTo(1.0);

        Path predictions = labelledLikeTheirBestMatch(data.resolve("test_perturbed_proposals.csv"), truth);
        Launcher.Result detector = Launcher.run("eval", "ava", "--gt", truth.toString(), "--pred",
                predictions.toString(), "--labelmap", labelMap.toString());

        assertThat(detector.exitCode()).as(detector.err()).isZero();
        // About one box in ten is missed and a few fall below IoU 0.5: clearly below 1, far above chance.
        assertThat(mapOf(detector.out())).isBetween(0.6, 0.97);
    }

    /**
     * Each proposal with the labels of the true box it overlaps most at its keyframe, at its own score: a
     * classifier that is never wrong, so that only the boxes' errors cost mAP.
     */
    private static Path labelledLikeTheirBestMatch(Path proposals, Path truthFile) throws Exception {
        List<AvaCsvRow> truth = AvaCsvReader.read(truthFile);
        Map<KeyframeKey, List<AvaCsvRow>> byKeyframe = new LinkedHashMap<>();
        truth.forEach(row -> byKeyframe.computeIfAbsent(row.keyframe(), key -> new ArrayList<>()).add(row));
        StringBuilder lines = new StringBuilder();
        for (AvaCsvRow proposal : AvaCsvReader.read(proposals)) {
            List<AvaCsvRow> candidates = byKeyframe.getOrDefault(proposal.keyframe(), List.of());
            AvaCsvRow best = null;
            for (AvaCsvRow candidate : candidates) {
                if (best == null || iou(candidate.box(), proposal.box()) > iou(best.box(), proposal.box())) {
                    best = candidate;
                }
            }
            for (AvaCsvRow label : candidates) {
                if (best != null && label.box().equals(best.box())) {
                    NormalizedBox box = proposal.box();
                    lines.append(String.format(Locale.ROOT, "%s,%04d,%.3f,%.3f,%.3f,%.3f,%d,%.4f%n", proposal.videoId(),
                            (int) proposal.timestampSeconds(), box.x1(), box.y1(), box.x2(), box.y2(), label.actionId(),
                            proposal.lastColumn()));
                }
            }
        }
        return Files.writeString(folder.resolve("predictions.csv"), lines);
    }

    private static Map<KeyframeKey, List<NormalizedBox>> boxesByKeyframe(List<AvaCsvRow> rows) {
        Map<KeyframeKey, List<NormalizedBox>> boxes = new LinkedHashMap<>();
        for (AvaCsvRow row : rows) {
            List<NormalizedBox> at = boxes.computeIfAbsent(row.keyframe(), key -> new ArrayList<>());
            if (!at.contains(row.box())) {
                at.add(row.box());
            }
        }
        return boxes;
    }

    private static double iou(NormalizedBox a, NormalizedBox b) {
        double width = Math.min(a.x2(), b.x2()) - Math.max(a.x1(), b.x1());
        double height = Math.min(a.y2(), b.y2()) - Math.max(a.y1(), b.y1());
        if (width <= 0 || height <= 0) {
            return 0;
        }
        double overlap = width * height;
        double areaA = (a.x2() - a.x1()) * (a.y2() - a.y1());
        double areaB = (b.x2() - b.x1()) * (b.y2() - b.y1());
        return overlap / (areaA + areaB - overlap);
    }

    private static double mapOf(String out) {
        Matcher matcher = Pattern.compile("mAP@0\\.5 ([0-9.]+)").matcher(out);
        assertThat(matcher.find()).as(out).isTrue();
        return Double.parseDouble(matcher.group(1));
    }
}
