package io.action4j.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of writer, failing mid-write: each command first writes its outputs, then runs again in a JVM
 * whose file-size limit is 0 ({@code ulimit -f 0}), so that its first write fails as on a full disk. The run
 * must fail with one line naming an output, and leave every earlier output byte for byte as it was, with no
 * temporary file beside it.
 *
 * <p>Some rows go further: a limit that lets the small files through and stops a large one half way (a
 * checkpoint after its training state); outputs deleted before the failing run, which it must not leave
 * behind half written, and which a run after it writes again as the first run did (what a resumable command
 * skips must be whole); logs, to which the failing run may add whole lines and nothing else.
 */
class WriteFailureEndToEndTest {

    private static final Path FIXTURES = Launcher.repository().resolveSibling("shared").resolve("fixtures/mmaction2");
    private static final String RECOGNIZER_CONFIG = Launcher.repository()
            .resolve("configs/recognition/synth/r3d-small_synth.yaml").toString();
    private static final String RECOGNIZER = Launcher.repository()
            .resolve("launcher/src/main/resources/io/action4j/launcher/demo/r3d-small_synth.safetensors").toString();

    private static final Path DEMO = Launcher.repository().resolve("launcher/src/main/resources/io/action4j/launcher/demo");

    @TempDir
    Path folder;

    /** Inputs shared by the rows (a training set), made on first use. */
    @TempDir
    static Path shared;

    /** The config's pipeline output for the video, as {@code model run} takes it; returns its path. */
    private static String modelInput(Path npy, String video) {
        Launcher.Result shown = Launcher.run("pipeline", "show", RECOGNIZER_CONFIG, video, "--out", npy.toString());
        assertThat(shown.exitCode()).as(shown.err()).isZero();
        return npy.toString();
    }

    /** An input file beside the outputs' folder; returns its path. */
    private static String write(Path file, String text) {
        try {
            return Files.writeString(file, text).toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The first {@code count} frames of MMAction2's test frames, as a video folder named {@code clip}; its path. */
    private static String clip(Path folder, int count) {
        try {
            Path clip = Files.createDirectories(folder.resolve("clip"));
            for (int i = 1; i <= count; i++) {
                String name = String.format("img_%05d.jpg", i);
                Files.copy(FIXTURES.resolve("tests/data/imgs").resolve(name), clip.resolve(name),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            return clip.toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * A tiny recognizer's training config (an R3D with 4 base channels on eight 32x32 synthetic videos, batch 1,
     * 1 epoch, a log line per iteration), made once; its path.
     */
    private static synchronized String trainingConfig() {
        Path config = shared.resolve("tiny.yaml");
        if (Files.exists(config)) {
            return config.toString();
        }
        Path data = shared.resolve("data");
        Launcher.Result synth = Launcher.run("synth", "--out", data.toString(), "--classes", "horizontal", "--size",
                "32x32", "--frames", "8", "--train-per-class", "4", "--val-per-class", "0", "--test-per-class", "0",
                "--seed", "5");
        assertThat(synth.exitCode()).as(synth.err()).isZero();
        write(config, """
                model:
                  backbone: {type: resnet3d, depth: 18, convType: 3d, baseChannels: 4, stageBlocks: [1, 1, 1, 1]}
                  clsHead: {type: i3d, numClasses: 2, dropoutRatio: 0.5}
                data:
                  sampler: {type: sample_frames, clipLen: 4, frameInterval: 2, numClips: 1, testMode: true}
                  pipeline:
                    - {type: center_crop, cropSize: [28, 28]}
                    - {type: normalize, mean: [128, 128, 128], std: [64, 64, 64]}
                trainDataloader:
                  batchSize: 1
                  dataset: {annFile: DATA/train.txt, dataPrefix: DATA}
                optimWrapper:
                  optimizer: {type: SGD, lr: 0.02, momentum: 0.9}
                trainCfg: {maxEpochs: 1, logInterval: 1, seed: 11}
                """.replace("DATA", data.toString()));
        return config.toString();
    }

    /** {@code train} of the tiny config into the output folder. */
    private static List<String> train(Path out) {
        return List.of("train", trainingConfig(), "--work-dir", out.toString(), "--quiet");
    }

    /** The files a 1-epoch training run leaves in its work folder. */
    private static final List<String> TRAINED = List.of("epoch_1.safetensors", "epoch_1.state.safetensors",
            "last_checkpoint", "config.yaml", "log.jsonl");

    /** A file's size in bytes ({@code ulimit -f} counts kilobytes of 1024). */
    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * A command that writes files: its arguments for an output folder, and the files it writes there (paths
     * relative to the folder). The run that fails has a file-size limit of {@code kilobytes} (of the folder
     * as the first run left it) and {@code failingArgs} added; {@code removed} outputs are deleted before it;
     * {@code appended} outputs are logs that it may add whole lines to; its error names {@code failingOn}
     * (null: any output).
     */
    record Writer(String name, Function<Path, List<String>> args, List<String> outputs, ToIntFunction<Path> kilobytes,
                  Function<Path, List<String>> failingArgs, List<String> removed, List<String> appended,
                  String failingOn) {

        Writer(String name, Function<Path, List<String>> args, List<String> outputs) {
            this(name, args, outputs, out -> 0, out -> List.of(), List.of(), List.of(), null);
        }

        Writer limitedTo(ToIntFunction<Path> limit) {
            return new Writer(name, args, outputs, limit, failingArgs, removed, appended, failingOn);
        }

        Writer failingWith(Function<Path, List<String>> more) {
            return new Writer(name, args, outputs, kilobytes, more, removed, appended, failingOn);
        }

        Writer removingFirst(String... gone) {
            return new Writer(name, args, outputs, kilobytes, failingArgs, List.of(gone), appended, failingOn);
        }

        Writer appendingTo(String... logs) {
            return new Writer(name, args, outputs, kilobytes, failingArgs, removed, List.of(logs), failingOn);
        }

        Writer failingOn(String output) {
            return new Writer(name, args, outputs, kilobytes, failingArgs, removed, appended, output);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> writers() {
        String video = FIXTURES.resolve("tests/data/test.mp4").toString();
        Path localization = FIXTURES.resolve("tests/data/eval_localization");
        Path ava = FIXTURES.resolve("tests/data/eval_detection");
        return Stream.of(
                new Writer("recognize --out (one JSON document)", out -> List.of("recognize", "--config",
                        RECOGNIZER_CONFIG, "--checkpoint", RECOGNIZER, "--out", out.resolve("res.json").toString(),
                        video), List.of("res.json")),
                new Writer("recognize --window --out (JSON lines as windows finish)", out -> List.of("recognize",
                        "--config", RECOGNIZER_CONFIG, "--checkpoint", RECOGNIZER, "--window", "64", "--stride", "64",
                        "--out", out.resolve("windows.jsonl").toString(), video), List.of("windows.jsonl")),
                new Writer("video frames --out (.npy)", out -> List.of("video", "frames", video, "--indices", "0,5",
                        "--out", out.resolve("frames.npy").toString()), List.of("frames.npy")),
                new Writer("eval proposals --out (metrics JSON)", out -> List.of("eval", "proposals", "--gt",
                        localization.resolve("gt.json").toString(), "--pred", localization.resolve("result.json").toString(),
                        "--out", out.resolve("proposals.json").toString()), List.of("proposals.json")),
                new Writer("eval detection --out (metrics JSON)", out -> List.of("eval", "detection", "--gt",
                        localization.resolve("gt.json").toString(), "--pred", localization.resolve("result.json").toString(),
                        "--out", out.resolve("detection.json").toString()), List.of("detection.json")),
                new Writer("pipeline show --out (.npy of the model's input)", out -> List.of("pipeline", "show",
                        RECOGNIZER_CONFIG, video, "--out", out.resolve("input.npy").toString()), List.of("input.npy")),
                new Writer("detect --out-dir (AVA CSV, keyframe lines, segments, the annotated video)", out -> List.of(
                        "detect", "--config", Launcher.repository().resolve("configs/detection/synth/r3d-small_ava-synth.yaml")
                                .toString(), "--checkpoint", DEMO.resolve("r3d-small_ava-synth.safetensors").toString(),
                        "--label-map", DEMO.resolve("ava-synth_actions.pbtxt").toString(), "--boxes",
                        write(out.resolveSibling("boxes.csv"), "test,1,0.1,0.1,0.4,0.6,1,0.9\ntest,2,0.1,0.1,0.4,0.6,1,0.9\n"),
                        "--out-dir", out.toString(), video),
                        List.of("test.ava.csv", "test.keyframes.jsonl", "test.segments.json", "test.annotated.mp4")),
                new Writer("eval recognition --out (metrics JSON)", out -> List.of("eval", "recognition", "--pred",
                        write(out.resolveSibling("pred.jsonl"), "{\"video\": \"a.mp4\", \"scores\": [0.2, 0.8]}\n"
                                + "{\"video\": \"b.mp4\", \"scores\": [0.6, 0.4]}\n"), "--labels",
                        write(out.resolveSibling("list.txt"), "a.mp4 1\nb.mp4 0\n"), "--out",
                        out.resolve("metrics.json").toString()), List.of("metrics.json")),
                new Writer("eval fuse --out (fused predictions)", out -> List.of("eval", "fuse", "--pred",
                        write(out.resolveSibling("rgb.jsonl"), "{\"video\": \"a.mp4\", \"scores\": [0.2, 0.8]}\n"),
                        "--pred", write(out.resolveSibling("flow.jsonl"), "{\"video\": \"a.mp4\", \"scores\": [0.6, 0.4]}\n"),
                        "--out", out.resolve("fused.jsonl").toString()), List.of("fused.jsonl")),
                new Writer("recognize --annotate (the video with its labels drawn)", out -> List.of("recognize", "--config",
                        RECOGNIZER_CONFIG, "--checkpoint", RECOGNIZER, "--annotate", out.toString(), video),
                        List.of("test.annotated.mp4")),
                new Writer("test --dump --out (scores per video, metrics)", out -> List.of("test", RECOGNIZER_CONFIG,
                        "--checkpoint", RECOGNIZER, "--set", "testDataloader.dataset.annFile="
                                + write(out.resolveSibling("test_list.txt"), "test.mp4 0\n"),
                        "--set", "testDataloader.dataset.dataPrefix=" + FIXTURES.resolve("tests/data"),
                        "--dump", out.resolve("scores.jsonl").toString(), "--out", out.resolve("test.json").toString()),
                        List.of("scores.jsonl", "test.json")),
                new Writer("model run --output (.npy of the model's output)", out -> List.of("model", "run",
                        RECOGNIZER_CONFIG, "--checkpoint", RECOGNIZER, "--input", modelInput(out.resolveSibling("input.npy"),
                                video), "--output", out.resolve("logits.npy").toString()), List.of("logits.npy")),
                new Writer("eval ava --out (metrics JSON)", out -> List.of("eval", "ava", "--gt",
                        ava.resolve("gt.csv").toString(), "--pred", ava.resolve("pred.csv").toString(), "--labelmap",
                        ava.resolve("action_list.txt").toString(), "--out", out.resolve("ava.json").toString()),
                        List.of("ava.json")),
                new Writer("localize --out --csv (segment files)", out -> List.of("localize", "--config",
                        Launcher.repository().resolve("configs/localization/synth/bmn_r3d-small_synth-untrimmed.yaml")
                                .toString(), "--out", out.resolve("segments.json").toString(), "--csv",
                        out.resolve("segments.csv").toString(), video), List.of("segments.json", "segments.csv")),
                new Writer("features --out (CSV, .npy and times per video)", out -> List.of("features", "--config",
                        Launcher.repository().resolve("configs/localization/synth/bmn_r3d-small_synth-untrimmed.yaml")
                                .toString(), "--out", out.toString(), video), List.of("test.csv", "test.npy", "test.json")),
                new Writer("localize --jsonl (a JSON line per video)", out -> List.of("localize", "--config",
                        Launcher.repository().resolve("configs/localization/synth/bmn_r3d-small_synth-untrimmed.yaml")
                                .toString(), "--jsonl", out.resolve("segments.jsonl").toString(), video),
                        List.of("segments.jsonl")),
                new Writer("localize --timeline (.html)", out -> List.of("localize", "--config",
                        Launcher.repository().resolve("configs/localization/synth/bmn_r3d-small_synth-untrimmed.yaml")
                                .toString(), "--timeline", out.resolve("timeline.html").toString(), video),
                        List.of("timeline.html")),
                new Writer("localize --timeline (.png)", out -> List.of("localize", "--config",
                        Launcher.repository().resolve("configs/localization/synth/bmn_r3d-small_synth-untrimmed.yaml")
                                .toString(), "--timeline", out.resolve("timeline.png").toString(), video),
                        List.of("timeline.png")),
                new Writer("synth --out (videos, then the lists)", out -> List.of("synth", "--out", out.toString(),
                        "--classes", "horizontal", "--size", "32x32", "--frames", "8", "--train-per-class", "1",
                        "--val-per-class", "1", "--test-per-class", "1", "--seed", "5"), List.of(
                        "videos/move_left/move_left_train_0000.mp4", "videos/move_left/move_left_val_0000.mp4",
                        "videos/move_left/move_left_test_0000.mp4", "videos/move_right/move_right_train_0000.mp4",
                        "videos/move_right/move_right_val_0000.mp4", "videos/move_right/move_right_test_0000.mp4",
                        "train.txt", "val.txt", "test.txt", "classes.txt", "synth.json")),
                new Writer("flow extract --out (a JPEG pair to write again)", out -> List.of("flow", "extract", "--method",
                        "farneback", "--preview", "--out", out.toString(), clip(out.resolveSibling("in"), 5)), FLOW)
                        .removingFirst("clip/x_00003.jpg", "clip/y_00003.jpg").failingOn("clip/y_00003.jpg"),
                new Writer("flow extract --preview (the preview to write again)", out -> List.of("flow", "extract",
                        "--method", "farneback", "--preview", "--out", out.toString(), clip(out.resolveSibling("in"), 5)),
                        FLOW).removingFirst("clip/flow_preview.png").failingOn("clip/flow_preview.png"),
                new Writer("flow extract (the settings file to write again)", out -> List.of("flow", "extract", "--method",
                        "farneback", "--preview", "--out", out.toString(), clip(out.resolveSibling("in"), 5)), FLOW)
                        .removingFirst("clip/flow_settings.txt").failingOn("clip/flow_settings.txt"),
                // 64 KB: config.yaml and the log lines are written, the training state (about 230 KB) is not.
                new Writer("train --work-dir (the training state, half way)", WriteFailureEndToEndTest::train, TRAINED)
                        .limitedTo(out -> 64).appendingTo("log.jsonl").failingOn("epoch_1.state.safetensors"),
                // The training state fits, the checkpoint (larger) does not; the run starts from the first run's weights,
                // so that a new training state put beside the earlier checkpoint would show.
                new Writer("train --work-dir (the checkpoint, after its training state)", WriteFailureEndToEndTest::train,
                        TRAINED).limitedTo(out -> (int) ((size(out.resolve("epoch_1.state.safetensors")) + 1023) / 1024))
                        .failingWith(out -> List.of("--checkpoint", out.resolve("epoch_1.safetensors").toString()))
                        .appendingTo("log.jsonl").failingOn("epoch_1.safetensors"),
                // Earlier runs' lines make the log longer than config.yaml; the limit leaves it less than 1 KB to grow,
                // and the run logs 8 lines of some 200 bytes before its checkpoint: one of them stops half way.
                new Writer("train --work-dir (log.jsonl, a line half way)", out -> {
                    write(out.resolve("log.jsonl"), "{\"mode\": \"earlier run\", \"line\": 1}\n".repeat(60));
                    return train(out);
                }, TRAINED).limitedTo(out -> (int) (size(out.resolve("log.jsonl")) / 1024) + 1).appendingTo("log.jsonl")
                        .failingOn("log.jsonl")
        ).map(Arguments::of);
    }

    /** What {@code flow extract --preview} writes for a video of 5 frames. */
    private static final List<String> FLOW = List.of("clip/flow_settings.txt", "clip/flow_preview.png",
            "clip/x_00001.jpg", "clip/y_00001.jpg", "clip/x_00002.jpg", "clip/y_00002.jpg", "clip/x_00003.jpg",
            "clip/y_00003.jpg", "clip/x_00004.jpg", "clip/y_00004.jpg");

    @ParameterizedTest(name = "{0}")
    @MethodSource("writers")
    void aWriteThatFailsKeepsTheEarlierOutputs(Writer writer) throws Exception {
        assumeTrue(Files.isDirectory(FIXTURES), "missing fixtures " + FIXTURES + " (the ../shared checkout); skipping");
        Path out = Files.createDirectories(folder.resolve("out"));
        List<String> args = writer.args().apply(out);
        Launcher.Result first = Launcher.run(args.toArray(String[]::new));
        assertThat(first.exitCode()).as(first.err()).isZero();
        Map<String, byte[]> earlier = new HashMap<>();
        for (String output : writer.outputs()) {
            earlier.put(output, Files.readAllBytes(out.resolve(output)));
            assertThat(earlier.get(output)).as(output).isNotEmpty();
        }
        for (String output : writer.removed()) {
            Files.delete(out.resolve(output));
        }
        List<String> failing = new ArrayList<>(args);
        failing.addAll(writer.failingArgs().apply(out));

        ChildJvm.Result failed = ChildJvm.runWithFileSizeLimit(writer.kilobytes().applyAsInt(out), failing);

        assertThat(failed.exitCode()).as(failed.output()).isEqualTo(1);
        List<String> errors = failed.stderr().lines().filter(line -> line.startsWith("error: ")).toList();
        assertThat(errors).as(failed.output()).singleElement().satisfies(line -> {
            if (writer.failingOn() != null) {
                assertThat(line).contains(out.resolve(writer.failingOn()).toString());
            } else {
                assertThat(writer.outputs()).anySatisfy(output -> assertThat(line).contains(out.resolve(output).toString()));
            }
            assertThat(line).contains("too large").doesNotContain("Exception").doesNotContain(".partial");
            // Words only: no bytes after a native message's end, no control characters.
            assertThat(line.chars().filter(c -> c < 0x20 || c == 0x7f || c == 0xfffd).count()).as(line).isZero();
        });
        for (String output : writer.outputs()) {
            Path file = out.resolve(output);
            if (writer.removed().contains(output)) {
                assertThat(file).as("a file the failed run did not finish").doesNotExist();
            } else if (writer.appended().contains(output)) {
                assertWholeLinesAdded(file, earlier.get(output));
            } else {
                assertThat(Files.readAllBytes(file)).as(output).isEqualTo(earlier.get(output));
            }
        }
        List<String> left = new ArrayList<>();
        try (Stream<Path> files = Files.walk(out)) {
            files.filter(Files::isRegularFile).map(path -> out.relativize(path).toString())
                    .filter(name -> !writer.outputs().contains(name)).forEach(left::add);
        }
        assertThat(left).as("temporary files left beside the outputs").isEmpty();

        if (!writer.removed().isEmpty()) {
            // What the failed run left, a resumed run takes as done: it must be what an uninterrupted run writes.
            Launcher.Result resumed = Launcher.run(args.toArray(String[]::new));
            assertThat(resumed.exitCode()).as(resumed.err()).isZero();
            for (String output : writer.outputs()) {
                assertThat(Files.readAllBytes(out.resolve(output))).as(output).isEqualTo(earlier.get(output));
            }
        }
    }

    /** {@code log} begins with its {@code earlier} bytes, and anything after them is whole JSON lines. */
    private static void assertWholeLinesAdded(Path log, byte[] earlier) throws java.io.IOException {
        byte[] now = Files.readAllBytes(log);
        assertThat(now.length).as(log + " is no shorter").isGreaterThanOrEqualTo(earlier.length);
        assertThat(java.util.Arrays.copyOf(now, earlier.length)).as(log + " begins as it did").isEqualTo(earlier);
        String added = new String(now, earlier.length, now.length - earlier.length, StandardCharsets.UTF_8);
        assertThat(added).as("what the failed run added to " + log).matches("(?s)(.*\\n)?");
        ObjectMapper json = new ObjectMapper();
        for (String line : added.lines().toList()) {
            assertThat(json.readTree(line).isObject()).as(line).isTrue();
        }
    }
}
