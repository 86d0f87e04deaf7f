package io.action4j.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code detect} over a generated video with boxes from a file: every keyframe is scored, people are
 * followed over keyframes (through a keyframe where one is missed), their actions become segments,
 * and the four outputs are written; bad input fails before anything is read and leaves earlier results
 * alone. The model keeps its seeded weights: this checks the pipeline, not what it has learnt.
 */
class DetectEndToEndTest {

    private static final String CONFIG = """
            model:
              backbone:
                type: resnet3d
                depth: 18
                convType: 3d
                baseChannels: 8
                stageBlocks: [1, 1, 1, 1]
              roiHead:
                type: bbox_head_ava
                numClasses: 4
                roiOutputSize: 2
                dropoutRatio: 0.5
            data:
              sampler:
                type: sample_ava_frames
                clipLen: 4
                frameInterval: 2
                testMode: true
              pipeline:
                - type: normalize
                  mean: [128, 128, 128]
                  std: [64, 64, 64]
            keyframes:
              stride: 1
            """;

    @TempDir
    Path folder;

    private Path video;
    private Path config;
    private Path boxes;

    @BeforeEach
    void generate() throws Exception {
        Path data = folder.resolve("data");
        Launcher.Result synth = Launcher.run("synth", "--untrimmed", "--out", data.toString(), "--size", "64x48",
                "--videos", "0,0,1", "--duration", "6", "--threads", "1");
        assertThat(synth.exitCode()).as(synth.err()).isZero();
        video = data.resolve("videos/v_test_0000.mp4");
        config = Files.writeString(folder.resolve("detect.yaml"), CONFIG);
        // Person 1 stays put; person 2 drifts right and is missed at 3 s: one missed keyframe keeps the track.
        boxes = Files.writeString(folder.resolve("boxes.csv"), String.join("\n",
                "v_test_0000,1,0.100,0.100,0.400,0.600,1,0.9",
                "v_test_0000,1,0.500,0.200,0.800,0.900,1,0.8",
                "v_test_0000,2,0.100,0.100,0.400,0.600,1,0.9",
                "v_test_0000,2,0.520,0.200,0.820,0.900,1,0.8",
                "v_test_0000,3,0.100,0.100,0.400,0.600,1,0.9",
                "v_test_0000,4,0.100,0.100,0.400,0.600,1,0.9",
                "v_test_0000,4,0.540,0.200,0.840,0.900,1,0.8",
                "v_test_0000,5,0.100,0.100,0.400,0.600,1,0.9",
                "v_test_0000,5,0.560,0.200,0.860,0.900,1,0.8", ""));
    }

    @Test
    void everyKeyframeIsScoredPeopleAreTrackedAndTheOutputsAreWritten() throws Exception {
        Path out = folder.resolve("out");

        Launcher.Result result = Launcher.run("detect", "--config", config.toString(), "--boxes", boxes.toString(),
                "--threshold", "0", "--timings", "--out-dir", out.toString(), video.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("5 keyframes, 9 person boxes, 2 tracks, 6 action segments")
                .contains("queue into model").contains("person 2: action ");
        List<String> rows = Files.readAllLines(out.resolve("v_test_0000.ava.csv"));
        assertThat(rows).hasSize(9 * 3).allSatisfy(row -> assertThat(row).matches(
                "v_test_0000,[1-5],0\\.\\d{4},0\\.\\d{4},0\\.\\d{4},0\\.\\d{4},[123],[01]\\.\\d{6}"));
        assertThat(rows.get(0)).startsWith("v_test_0000,1,0.1000,0.1000,0.4000,0.6000,");

        ObjectMapper json = new ObjectMapper();
        List<String> keyframes = Files.readAllLines(out.resolve("v_test_0000.keyframes.jsonl"));
        assertThat(keyframes).hasSize(5);
        JsonNode third = json.readTree(keyframes.get(2));
        assertThat(third.get("seconds").asDouble()).isEqualTo(3.0);
        assertThat(third.get("people")).hasSize(1);
        JsonNode fifth = json.readTree(keyframes.get(4));
        assertThat(fifth.get("people")).extracting(person -> person.get("track").asInt()).containsExactly(1, 2);
        assertThat(fifth.get("people").get(0).get("actions")).hasSize(3);

        JsonNode segments = json.readTree(out.resolve("v_test_0000.segments.json").toFile());
        assertThat(segments.get("tracks").asInt()).isEqualTo(2);
        assertThat(segments.get("segments")).hasSize(6).allSatisfy(segment -> {
            // Threshold 0: each action runs over the whole track, half a stride beyond its keyframes.
            assertThat(segment.get("start").asDouble()).isEqualTo(0.5);
            assertThat(segment.get("end").asDouble()).isEqualTo(5.5);
        });
        assertThat(segments.get("segments").get(3).get("track").asInt()).isEqualTo(2);
        assertThat(segments.get("segments").get(3).get("keyframes").asInt()).isEqualTo(4);

        Path annotated = out.resolve("v_test_0000.annotated.mp4");
        assertThat(annotated).isNotEmptyFile();
        Launcher.Result info = Launcher.run("video", "check", annotated.toString());
        assertThat(info.exitCode()).as(info.err()).isZero();
        assertThat(info.out()).contains("64x48").contains("1 of 1 videos decode");
    }

    @Test
    void javaProgramsDetectThroughTheBuilderAndHearEachKeyframeAsItIsMade() throws Exception {
        List<Double> heard = new java.util.ArrayList<>();
        io.action4j.spatiotemporal.run.DetectionResult result;
        try (io.action4j.spatiotemporal.run.Detector detector = io.action4j.spatiotemporal.run.Detector.builder()
                .config(config).boxes(boxes.toString(), 0.0)
                .options(io.action4j.spatiotemporal.run.DetectorOptions.DEFAULTS.withActionThreshold(0.0)).build()) {
            result = detector.detect(video, new io.action4j.spatiotemporal.run.DetectionListener() {
                @Override
                public void keyframe(io.action4j.spatiotemporal.run.KeyframeDetections keyframe) {
                    heard.add(keyframe.seconds());
                }
            }, io.action4j.engine.stream.DecodeProgress.NONE);
        }

        assertThat(heard).containsExactly(1.0, 2.0, 3.0, 4.0, 5.0);
        assertThat(result.keyframes()).isEqualTo(5);
        assertThat(result.tracks()).isEqualTo(2);
        assertThat(result.segments()).hasSize(6);
        assertThat(result.pipeline().stages()).extracting(stage -> stage.name())
                .containsExactly("decode", "boxes", "clips", "model", "tracks");
        // Clips of 4 frames, every 2nd, around keyframes 1 s apart: only those frames are held, never the video.
        assertThat(result.maxFramesHeld()).isLessThanOrEqualTo(8);
    }

    @Test
    void aDetectorTrainsOnAvaFormatDataAndIsTestedWithFrameMap() throws Exception {
        // Ground truth on the same video: person 1 does action 1 throughout, person 2 action 2 then also 3.
        Path truth = Files.writeString(folder.resolve("gt.csv"), String.join("\n",
                "v_test_0000,1,0.100,0.100,0.400,0.600,1,0",
                "v_test_0000,1,0.500,0.200,0.800,0.900,2,1",
                "v_test_0000,2,0.100,0.100,0.400,0.600,1,0",
                "v_test_0000,2,0.520,0.200,0.820,0.900,2,1",
                "v_test_0000,3,0.100,0.100,0.400,0.600,1,0",
                "v_test_0000,4,0.100,0.100,0.400,0.600,1,0",
                "v_test_0000,4,0.540,0.200,0.840,0.900,2,1",
                "v_test_0000,4,0.540,0.200,0.840,0.900,3,1", ""));
        String dataset = """
                  dataset:
                    format: ava
                    annFile: %s
                    dataPrefix: %s
                """.formatted(truth, video.getParent());
        Path training = Files.writeString(folder.resolve("train.yaml"), CONFIG + """
                trainDataloader:
                  batchSize: 2
                %1$svalDataloader:
                  batchSize: 1
                %1$stestDataloader:
                  batchSize: 1
                %1$soptimWrapper:
                  optimizer:
                    type: SGD
                    lr: 0.01
                    momentum: 0.9
                trainCfg:
                  maxEpochs: 2
                  valInterval: 2
                  checkpointInterval: 2
                  logInterval: 1
                """.formatted(dataset));
        Path work = folder.resolve("work");

        Launcher.Result trained = Launcher.run("train", training.toString(), "--work-dir", work.toString());

        assertThat(trained.exitCode()).as(trained.err()).isZero();
        assertThat(trained.out()).contains("loss").contains("mAP@0.5");
        Path checkpoint = work.resolve("epoch_2.safetensors");
        Path metrics = folder.resolve("metrics.json");
        Launcher.Result tested = Launcher.run("test", training.toString(), "--checkpoint", checkpoint.toString(),
                "--out", metrics.toString());
        assertThat(tested.exitCode()).as(tested.err()).isZero();
        assertThat(tested.out()).containsPattern("mAP@0.5 +[01]\\.\\d{4}");
        JsonNode written = new ObjectMapper().readTree(metrics.toFile());
        assertThat(written.get("mAP@0.5").asDouble()).isBetween(0.0, 1.0);
    }

    @Test
    void aVideoThatCannotBeReadFailsAndLeavesEarlierResultsAlone() throws Exception {
        Path out = folder.resolve("out");
        Launcher.Result good = Launcher.run("detect", "--config", config.toString(), "--boxes", boxes.toString(),
                "--no-video", "--out-dir", out.toString(), video.toString());
        assertThat(good.exitCode()).as(good.err()).isZero();
        byte[] before = Files.readAllBytes(out.resolve("v_test_0000.ava.csv"));
        Path broken = Files.writeString(folder.resolve("v_test_0000.mp4"), "not a video");

        Launcher.Result bad = Launcher.run("detect", "--config", config.toString(), "--boxes", boxes.toString(),
                "--no-video", "--out-dir", out.toString(), broken.toString());

        assertThat(bad.exitCode()).isNotZero();
        assertThat(bad.err()).contains(broken.toString());
        assertThat(out.resolve("v_test_0000.ava.csv")).hasBinaryContent(before);
        try (var left = Files.list(out)) {
            assertThat(left).allSatisfy(file -> assertThat(file.getFileName().toString()).doesNotContain("partial"));
        }
    }

    @Test
    void aLabelMapThatDoesNotFitTheHeadIsRefusedBeforeAnyVideoIsRead() throws Exception {
        Path labelMap = Files.writeString(folder.resolve("labels.pbtxt"), """
                item {
                  name: "walk"
                  id: 1
                }
                item {
                  name: "jump"
                  id: 7
                }
                """);

        Launcher.Result result = Launcher.run("detect", "--config", config.toString(), "--boxes", boxes.toString(),
                "--label-map", labelMap.toString(), "--out-dir", folder.resolve("out").toString(),
                folder.resolve("missing.mp4").toString());

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.err()).contains(labelMap.toString()).contains("'jump' has id 7").contains("ids 1 to 3")
                .doesNotContain("missing.mp4");
    }

    @Test
    void proposalRowsWithAScoreWorkAndBoxesForOtherVideosOrTimesAreReportedNotFatal() throws Exception {
        Path proposals = Files.writeString(folder.resolve("proposals.csv"), String.join("\n",
                "v_test_0000,1,0.100,0.100,0.400,0.600,0.93",
                "v_test_0000,2,0.100,0.100,0.400,0.600,0.91",
                "v_test_0000,2,0.600,0.100,0.700,0.300,0.20",
                "v_test_0000,40,0.100,0.100,0.400,0.600,0.90",
                "v_other,1,0.100,0.100,0.400,0.600,0.90", ""));

        Launcher.Result result = Launcher.run("detect", "--config", config.toString(), "--boxes", proposals.toString(),
                "--min-box-score", "0.5", "--no-video", "--out-dir", folder.resolve("out").toString(), video.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("5 keyframes, 2 person boxes, 1 tracks");

        // Ground truth by name: each person once a keyframe, whatever their actions and ids.
        Path truth = Files.writeString(folder.resolve("gt.csv"), String.join("\n",
                "v_test_0000,1,0.100,0.100,0.400,0.600,1,0", "v_test_0000,1,0.100,0.100,0.400,0.600,2,0",
                "v_test_0000,1,0.500,0.200,0.800,0.900,2,7", ""));
        Launcher.Result oracle = Launcher.run("detect", "--config", config.toString(), "--boxes", "gt:" + truth,
                "--no-video", "--out-dir", folder.resolve("out-gt").toString(), video.toString());
        assertThat(oracle.exitCode()).as(oracle.err()).isZero();
        assertThat(oracle.out()).contains("5 keyframes, 2 person boxes, 2 tracks");
        assertThat(result.err()).contains("has boxes for 1 videos not given: v_other")
                .contains("has boxes for 1 times of v_test_0000 that are not its keyframes (first: 40 s)");
    }

    @Test
    void anUnknownBoxSourceNamesTheOnesThereAre() throws Exception {
        Launcher.Result result = Launcher.run("detect", "--config", config.toString(), "--boxes", "yolo",
                "--out-dir", folder.resolve("out").toString(), video.toString());

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.err()).contains("no person-box source 'yolo'").contains("ava_csv_boxes");
    }
}
