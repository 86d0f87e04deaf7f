package io.action4j.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.action4j.engine.checkpoint.Safetensors;
import io.action4j.engine.checkpoint.StateDict;
import io.action4j.engine.checkpoint.TensorData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train}, {@code test} and {@code eval recognition} on a tiny synthetic dataset with a tiny
 * R3D: the files a run leaves, a resumed run that ends where the uninterrupted one ends, test
 * metrics that {@code eval recognition} reproduces from the dumped predictions, and bad samples.
 */
class TrainEndToEndTest {

    @TempDir
    static Path folder;
    private static Path data;
    private static Path config;

    @BeforeAll
    static void dataset() throws IOException {
        data = folder.resolve("data");
        Launcher.Result synth = Launcher.run("synth", "--out", data.toString(), "--classes", "horizontal", "--size", "32x32",
                "--frames", "8", "--train-per-class", "4", "--val-per-class", "2", "--test-per-class", "2", "--seed", "5");
        assertThat(synth.exitCode()).as(synth.err()).isZero();
        config = folder.resolve("tiny.yaml");
        Files.writeString(config, """
                model:
                  backbone: {type: resnet3d, depth: 18, convType: 3d, baseChannels: 4, stageBlocks: [1, 1, 1, 1]}
                  clsHead: {type: i3d, numClasses: 2, dropoutRatio: 0.5}
                data:
                  sampler: {type: sample_frames, clipLen: 4, frameInterval: 2, numClips: 1, testMode: true}
                  pipeline:
                    - {type: center_crop, cropSize: [28, 28]}
                    - {type: normalize, mean: [128, 128, 128], std: [64, 64, 64]}
                trainDataloader:
                  batchSize: 4
                  numWorkers: 2
                  dataset: {annFile: DATA/train.txt, dataPrefix: DATA}
                  data:
                    sampler: {type: sample_frames, clipLen: 4, frameInterval: 2, numClips: 1}
                    pipeline:
                      - {type: random_resized_crop, areaRange: [0.6, 1.0]}
                      - {type: resize, scale: [28, 28], keepRatio: false}
                      - {type: normalize, mean: [128, 128, 128], std: [64, 64, 64]}
                valDataloader:
                  dataset: {annFile: DATA/val.txt, dataPrefix: DATA}
                testDataloader:
                  dataset: {annFile: DATA/test.txt, dataPrefix: DATA}
                optimWrapper:
                  optimizer: {type: SGD, lr: 0.02, momentum: 0.9, weightDecay: 0.0001}
                  clipGrad: {maxNorm: 40}
                paramScheduler:
                  - {type: LinearLR, startFactor: 0.5, byEpoch: true, begin: 0, end: 1, convertToIterBased: true}
                  - {type: CosineAnnealingLR, byEpoch: true, begin: 1, end: 3}
                trainCfg: {maxEpochs: 3, valInterval: 2, logInterval: 1, seed: 11}
                """.replace("DATA", data.toString()));
    }

    @Test
    void trainWritesCheckpointsAndLogsAndResumesExactly() throws IOException {
        Path whole = folder.resolve("whole");
        Launcher.Result run = Launcher.run("train", config.toString(), "--work-dir", whole.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("epoch 1 [1/2] lr").contains("val epoch 2 acc/top1").contains("done: 3 epochs");
        for (String file : List.of("epoch_1.safetensors", "epoch_2.state.safetensors", "epoch_3.safetensors",
                "config.yaml", "log.jsonl")) {
            assertThat(whole.resolve(file)).exists();
        }
        assertThat(Files.readString(whole.resolve("last_checkpoint")).strip()).isEqualTo("epoch_3.safetensors");
        List<JsonNode> log = jsonLines(whole.resolve("log.jsonl"));
        assertThat(log.stream().filter(entry -> entry.get("mode").asText().equals("train"))).hasSize(6)
                .allSatisfy(entry -> assertThat(entry.get("loss").asDouble()).isPositive());
        assertThat(log.stream().filter(entry -> entry.get("mode").asText().equals("val")).map(e -> e.get("epoch").asInt()))
                .containsExactly(2, 3);
        // The warm-up goes from half the rate to the full rate over the first epoch's two iterations.
        assertThat(log.get(0).get("lr").asDouble()).isCloseTo(0.01, within(1e-9));

        Path interrupted = folder.resolve("interrupted");
        Launcher.Result first = Launcher.run("train", config.toString(), "--work-dir", interrupted.toString(),
                "--set", "trainCfg.maxEpochs=1", "--quiet");
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).isEmpty();
        // A run stopped after epoch 1 (its schedule is the same: the schedulers' ends are explicit), resumed.
        Launcher.Result resumed = Launcher.run("train", config.toString(), "--work-dir", folder.resolve("resumed").toString(),
                "--resume", interrupted.resolve("epoch_1.safetensors").toString());
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("resume").doesNotContain("epoch 1 [");
        assertSameWeights(whole.resolve("epoch_3.safetensors"), folder.resolve("resumed/epoch_3.safetensors"));
    }

    @Test
    void testReportsMetricsThatEvalReproducesFromTheDump() throws IOException {
        Path work = folder.resolve("for-test");
        assertThat(Launcher.run("train", config.toString(), "--work-dir", work.toString(), "--set", "trainCfg.maxEpochs=2",
                "--set", "trainCfg.maxKeepCheckpoints=1", "--set", "valDataloader=null", "--quiet").exitCode()).isZero();
        // Only the newest checkpoint is kept, with its training state.
        try (var files = Files.list(work)) {
            assertThat(files.map(file -> file.getFileName().toString()).filter(name -> name.startsWith("epoch_")))
                    .containsExactlyInAnyOrder("epoch_2.safetensors", "epoch_2.state.safetensors");
        }
        Path predictions = folder.resolve("predictions.jsonl");
        Launcher.Result test = Launcher.run("test", config.toString(), "--checkpoint",
                work.resolve("epoch_2.safetensors").toString(), "--dump", predictions.toString());
        assertThat(test.exitCode()).as(test.err()).isZero();
        assertThat(test.out()).contains("videos: 4").contains("acc/top1");
        assertThat(jsonLines(predictions)).hasSize(4)
                .allSatisfy(line -> assertThat(line.get("scores")).hasSize(2));

        Launcher.Result eval = Launcher.run("eval", "recognition", "--pred", predictions.toString(),
                "--labels", data.resolve("test.txt").toString(), "--data-prefix", data.toString());
        assertThat(eval.exitCode()).as(eval.err()).isZero();
        assertThat(metricLine(eval.out(), "acc/top1")).isEqualTo(metricLine(test.out(), "acc/top1"));
        assertThat(metricLine(eval.out(), "acc/mean1")).isEqualTo(metricLine(test.out(), "acc/mean1"));

        // A label the model cannot score stops the test before any video is decoded, naming the line; no dump.
        List<String> lines = new ArrayList<>(Files.readAllLines(data.resolve("test.txt")));
        lines.set(1, lines.get(1).replaceFirst(" \\d+$", " 7"));
        Path badList = Files.write(folder.resolve("bad-labels.txt"), lines);
        Path badDump = folder.resolve("bad.jsonl");
        Launcher.Result refused = Launcher.run("test", config.toString(), "--checkpoint",
                work.resolve("epoch_2.safetensors").toString(), "--dump", badDump.toString(),
                "--set", "testDataloader.dataset.annFile=" + badList);
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.err()).contains(badList + ":2: label 7").contains("not one of the model's 2 classes");
        assertThat(badDump).doesNotExist();
    }

    @Test
    void aCorruptVideoStopsTheRunNamingItUnlessTheDatasetSkipsBadSamples() throws IOException {
        Path broken = data.resolve("videos/broken.mp4");
        Files.writeString(broken, "not a video");
        Path list = folder.resolve("with-broken.txt");
        List<String> lines = new ArrayList<>(Files.readAllLines(data.resolve("train.txt")));
        lines.add(1, "videos/broken.mp4 0");
        Files.write(list, lines);
        String[] common = {"train", config.toString(), "--set", "trainDataloader.dataset.annFile=" + list,
                "--set", "trainCfg.maxEpochs=1", "--set", "valDataloader=null", "--quiet"};

        Launcher.Result failing = Launcher.run(concat(common, "--work-dir", folder.resolve("fail").toString()));
        assertThat(failing.exitCode()).isNotZero();
        assertThat(failing.err()).contains("broken.mp4");

        Launcher.Result skipping = Launcher.run(concat(common, "--work-dir", folder.resolve("skip").toString(),
                "--set", "trainDataloader.dataset.onError=skip"));
        assertThat(skipping.exitCode()).as(skipping.err()).isZero();
        assertThat(skipping.err()).contains("skipped").contains("broken.mp4");
        assertThat(folder.resolve("skip/epoch_1.safetensors")).exists();
    }

    @Test
    void trainsOnRawframeFoldersAndScoresMultiLabelLists() throws Exception {
        // Rawframe folders (img_00001.jpg, ...) made from the synthetic videos, listed as MMAction2's
        // 'frame_dir total_frames label' lines.
        Path frames = folder.resolve("frames");
        List<String> rawframeList = new ArrayList<>();
        for (String line : Files.readAllLines(data.resolve("train.txt"))) {
            String[] fields = line.split(" ");
            String name = Path.of(fields[0]).getFileName().toString().replace(".mp4", "");
            int count = RawFrames.extract(data.resolve(fields[0]), frames.resolve(name));
            rawframeList.add(name + " " + count + " " + fields[1]);
        }
        Path rawframes = folder.resolve("rawframes.txt");
        Files.write(rawframes, rawframeList);
        Launcher.Result onFrames = Launcher.run("train", config.toString(), "--work-dir", folder.resolve("raw").toString(),
                "--set", "trainDataloader.dataset={annFile: " + rawframes + ", dataPrefix: " + frames + ", format: rawframes}",
                "--set", "trainCfg.maxEpochs=1", "--set", "valDataloader=null");
        assertThat(onFrames.exitCode()).as(onFrames.err()).isZero();
        assertThat(onFrames.out()).contains("epoch 1 [2/2]");

        // Multi-label: every video carries its class and, for half of them, the other one too; BCE loss, mAP.
        List<String> multi = new ArrayList<>();
        List<String> lines = Files.readAllLines(data.resolve("train.txt"));
        for (int i = 0; i < lines.size(); i++) {
            multi.add(lines.get(i) + (i % 2 == 0 ? " " + (1 - Integer.parseInt(lines.get(i).split(" ")[1])) : ""));
        }
        Path multiList = folder.resolve("multi.txt");
        Files.write(multiList, multi);
        String dataset = "{annFile: " + multiList + ", dataPrefix: " + data + ", multiLabel: true}";
        String[] multiLabel = {"--set", "trainDataloader.dataset=" + dataset, "--set", "testDataloader.dataset=" + dataset,
                "--set", "trainCfg.loss=BCELossWithLogits", "--set", "trainCfg.maxEpochs=1", "--set", "valDataloader=null",
                "--set", "testEvaluator={type: acc, metricList: [mean_average_precision]}"};
        Path work = folder.resolve("multi");
        Launcher.Result trained = Launcher.run(concat(concat(new String[] {"train", config.toString(), "--work-dir",
                work.toString()}, multiLabel), "--quiet"));
        assertThat(trained.exitCode()).as(trained.err()).isZero();
        Launcher.Result tested = Launcher.run(concat(concat(new String[] {"test", config.toString(), "--checkpoint",
                work.resolve("epoch_1.safetensors").toString()}, multiLabel)));
        assertThat(tested.exitCode()).as(tested.err()).isZero();
        assertThat(tested.out()).contains("videos: 8").containsPattern("acc/mean_average_precision +0\\.\\d+");
    }

    private static void assertSameWeights(Path expected, Path actual) {
        StateDict a = Safetensors.read(expected);
        StateDict b = Safetensors.read(actual);
        assertThat(b.tensors().keySet()).isEqualTo(a.tensors().keySet());
        a.tensors().forEach((name, tensor) -> {
            TensorData other = b.tensors().get(name);
            float[] x = tensor.values();
            float[] y = other.values();
            for (int i = 0; i < x.length; i++) {
                assertThat(y[i]).as(name + "[" + i + "]").isCloseTo(x[i], within(1e-5f));
            }
        });
    }

    private static String metricLine(String output, String metric) {
        return output.lines().filter(line -> line.strip().startsWith(metric + " ")).findFirst()
                .orElseThrow(() -> new AssertionError("no " + metric + " in\n" + output)).strip();
    }

    private static List<JsonNode> jsonLines(Path file) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            nodes.add(mapper.readTree(line));
        }
        return nodes;
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = new String[first.length + more.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
