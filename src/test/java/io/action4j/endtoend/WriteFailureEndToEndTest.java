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
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import java.util.regex.Pattern;
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
 *
 * <p>Every writer, failing on its input: each row also names a user's realistic mistake (a video cut short,
 * a list with a malformed line, a misspelt config key, a file that is not there) and turns its arguments
 * into a run on it. That run (in this JVM) must fail with one line naming the bad input and no Java class,
 * and leave the earlier outputs as the write-failure runs must.
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

    /** A text file's content. */
    private static String read(Path file) {
        try {
            return Files.readString(file);
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
     * (null: any output). {@code mistake} says what is wrong with the input of its {@code badRun} (every row
     * has one).
     */
    record Writer(String name, Function<Path, List<String>> args, List<String> outputs, ToIntFunction<Path> kilobytes,
                  Function<Path, List<String>> failingArgs, List<String> removed, List<String> appended,
                  String failingOn, String mistake, BiFunction<Path, List<String>, BadRun> badRun) {

        Writer(String name, Function<Path, List<String>> args, List<String> outputs) {
            this(name, args, outputs, out -> 0, out -> List.of(), List.of(), List.of(), null, null, null);
        }

        Writer limitedTo(ToIntFunction<Path> limit) {
            return new Writer(name, args, outputs, limit, failingArgs, removed, appended, failingOn, mistake, badRun);
        }

        Writer failingWith(Function<Path, List<String>> more) {
            return new Writer(name, args, outputs, kilobytes, more, removed, appended, failingOn, mistake, badRun);
        }

        Writer removingFirst(String... gone) {
            return new Writer(name, args, outputs, kilobytes, failingArgs, List.of(gone), appended, failingOn, mistake,
                    badRun);
        }

        Writer appendingTo(String... logs) {
            return new Writer(name, args, outputs, kilobytes, failingArgs, removed, List.of(logs), failingOn, mistake,
                    badRun);
        }

        Writer failingOn(String output) {
            return new Writer(name, args, outputs, kilobytes, failingArgs, removed, appended, output, mistake, badRun);
        }

        /**
         * The user's mistake that this writer's input run makes: {@code run} turns the output folder (as the first
         * run left it) and the row's arguments into the arguments of a run on a bad input, and what its error names.
         */
        Writer onBadInput(String what, BiFunction<Path, List<String>, BadRun> run) {
            return new Writer(name, args, outputs, kilobytes, failingArgs, removed, appended, failingOn, what, run);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** A run on a bad input: its arguments, and what its one error line must name (files, keys, values). */
    record BadRun(List<String> args, List<String> named) {

        BadRun(List<String> args, String... named) {
            this(args, List.of(named));
        }
    }

    /** The folder for a row's bad inputs: beside the outputs' folder, never in it; its path. */
    private static Path bad(Path out) {
        try {
            return Files.createDirectories(out.resolveSibling("bad"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The first half of {@code source}'s bytes in {@code copy} (a download or copy that stopped half way); its path. */
    private static String cutShort(Path source, Path copy) {
        try {
            byte[] whole = Files.readAllBytes(source);
            return Files.write(copy, java.util.Arrays.copyOf(whole, whole.length / 2)).toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** What a failed download saves under a video's name: a web page; its path. */
    private static String webPage(Path file) {
        return write(file, "<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head><body>Not Found</body></html>\n");
    }

    /** {@code args} with the one argument {@code from} replaced by {@code to}. */
    private static List<String> replacing(List<String> args, String from, String to) {
        assertThat(args).as("the argument to replace").containsOnlyOnce(from);
        return args.stream().map(arg -> arg.equals(from) ? to : arg).toList();
    }

    /** {@code args} and {@code more}. */
    private static List<String> adding(List<String> args, String... more) {
        List<String> all = new ArrayList<>(args);
        all.addAll(List.of(more));
        return all;
    }

    static Stream<Arguments> writers() {
        String video = FIXTURES.resolve("tests/data/test.mp4").toString();
        Path localization = FIXTURES.resolve("tests/data/eval_localization");
        Path ava = FIXTURES.resolve("tests/data/eval_detection");
        String localizer = Launcher.repository().resolve("configs/localization/synth/bmn_r3d-small_synth-untrimmed.yaml")
                .toString();
        return Stream.of(
                new Writer("recognize --out (one JSON document)", out -> List.of("recognize", "--config",
                        RECOGNIZER_CONFIG, "--checkpoint", RECOGNIZER, "--out", out.resolve("res.json").toString(),
                        video), List.of("res.json"))
                        // MP4 keeps its index at the end here: nothing before the cut can be read.
                        .onBadInput("the video cut short", (out, args) -> {
                            String cut = cutShort(Path.of(video), bad(out).resolve("test.mp4"));
                            return new BadRun(replacing(args, video, cut), cut);
                        }),
                new Writer("recognize --window --out (JSON lines as windows finish)", out -> List.of("recognize",
                        "--config", RECOGNIZER_CONFIG, "--checkpoint", RECOGNIZER, "--window", "64", "--stride", "64",
                        "--out", out.resolve("windows.jsonl").toString(), video), List.of("windows.jsonl"))
                        .onBadInput("a web page saved as the video", (out, args) -> {
                            String page = webPage(bad(out).resolve("test.mp4"));
                            return new BadRun(replacing(args, video, page), page);
                        }),
                new Writer("video frames --out (.npy)", out -> List.of("video", "frames", video, "--indices", "0,5",
                        "--out", out.resolve("frames.npy").toString()), List.of("frames.npy"))
                        .onBadInput("a misspelt video name (no such file)", (out, args) -> {
                            String typo = bad(out).resolve("tset.mp4").toString();
                            return new BadRun(replacing(args, video, typo), typo);
                        }),
                new Writer("eval proposals --out (metrics JSON)", out -> List.of("eval", "proposals", "--gt",
                        localization.resolve("gt.json").toString(), "--pred", localization.resolve("result.json").toString(),
                        "--out", out.resolve("proposals.json").toString()), List.of("proposals.json"))
                        .onBadInput("results with a segment that lacks its end", (out, args) -> {
                            String results = write(bad(out).resolve("result.json"), "{\"results\": {\"bYUmtLBL7W4\": "
                                    + "[{\"label\": \"Wakeboarding\", \"score\": 0.65, \"segment\": [0.0]}]}}\n");
                            return new BadRun(replacing(args, localization.resolve("result.json").toString(), results),
                                    results, "segment");
                        }),
                new Writer("eval detection --out (metrics JSON)", out -> List.of("eval", "detection", "--gt",
                        localization.resolve("gt.json").toString(), "--pred", localization.resolve("result.json").toString(),
                        "--out", out.resolve("detection.json").toString()), List.of("detection.json"))
                        .onBadInput("the ground truth cut short", (out, args) -> {
                            String cut = cutShort(localization.resolve("gt.json"), bad(out).resolve("gt.json"));
                            return new BadRun(replacing(args, localization.resolve("gt.json").toString(), cut), cut);
                        }),
                new Writer("pipeline show --out (.npy of the model's input)", out -> List.of("pipeline", "show",
                        RECOGNIZER_CONFIG, video, "--out", out.resolve("input.npy").toString()), List.of("input.npy"))
                        // A config of the user's own, on the repository's.
                        .onBadInput("a config with a misspelt key", (out, args) -> {
                            String config = write(bad(out).resolve("mine.yaml"), "_base_: " + RECOGNIZER_CONFIG
                                    + "\nmodel:\n  backbone:\n    baseChanels: 8\n");
                            return new BadRun(replacing(args, RECOGNIZER_CONFIG, config), config,
                                    "model.backbone.baseChanels");
                        }),
                new Writer("detect --out-dir (AVA CSV, keyframe lines, segments, the annotated video)", out -> List.of(
                        "detect", "--config", Launcher.repository().resolve("configs/detection/synth/r3d-small_ava-synth.yaml")
                                .toString(), "--checkpoint", DEMO.resolve("r3d-small_ava-synth.safetensors").toString(),
                        "--label-map", DEMO.resolve("ava-synth_actions.pbtxt").toString(), "--boxes",
                        write(out.resolveSibling("boxes.csv"), "test,1,0.1,0.1,0.4,0.6,1,0.9\ntest,2,0.1,0.1,0.4,0.6,1,0.9\n"),
                        "--out-dir", out.toString(), video),
                        List.of("test.ava.csv", "test.keyframes.jsonl", "test.segments.json", "test.annotated.mp4"))
                        .onBadInput("person boxes with a row cut short", (out, args) -> {
                            String boxes = write(bad(out).resolve("boxes.csv"),
                                    "test,1,0.1,0.1,0.4,0.6,1,0.9\ntest,2,0.1,0.1,0.4\n");
                            return new BadRun(replacing(args, out.resolveSibling("boxes.csv").toString(), boxes),
                                    boxes + ":2");
                        }),
                new Writer("eval recognition --out (metrics JSON)", out -> List.of("eval", "recognition", "--pred",
                        write(out.resolveSibling("pred.jsonl"), "{\"video\": \"a.mp4\", \"scores\": [0.2, 0.8]}\n"
                                + "{\"video\": \"b.mp4\", \"scores\": [0.6, 0.4]}\n"), "--labels",
                        write(out.resolveSibling("list.txt"), "a.mp4 1\nb.mp4 0\n"), "--out",
                        out.resolve("metrics.json").toString()), List.of("metrics.json"))
                        .onBadInput("a labels list with a line that lacks its label", (out, args) -> {
                            String labels = write(bad(out).resolve("list.txt"), "a.mp4 1\nb.mp4\n");
                            return new BadRun(replacing(args, out.resolveSibling("list.txt").toString(), labels),
                                    labels + ":2");
                        }),
                new Writer("eval fuse --out (fused predictions)", out -> List.of("eval", "fuse", "--pred",
                        write(out.resolveSibling("rgb.jsonl"), "{\"video\": \"a.mp4\", \"scores\": [0.2, 0.8]}\n"),
                        "--pred", write(out.resolveSibling("flow.jsonl"), "{\"video\": \"a.mp4\", \"scores\": [0.6, 0.4]}\n"),
                        "--out", out.resolve("fused.jsonl").toString()), List.of("fused.jsonl"))
                        .onBadInput("predictions with a line cut short", (out, args) -> {
                            String flow = write(bad(out).resolve("flow.jsonl"), "{\"video\": \"a.mp4\", \"scores\": [0.6, 0.4]\n");
                            return new BadRun(replacing(args, out.resolveSibling("flow.jsonl").toString(), flow),
                                    flow + ":1");
                        }),
                new Writer("recognize --annotate (the video with its labels drawn)", out -> List.of("recognize", "--config",
                        RECOGNIZER_CONFIG, "--checkpoint", RECOGNIZER, "--annotate", out.toString(), video),
                        List.of("test.annotated.mp4"))
                        // An AVI opens, and stops decoding at the cut; its annotated video has the earlier one's name.
                        .onBadInput("a video of the same name cut short", (out, args) -> {
                            String cut = cutShort(FIXTURES.resolve("tests/data/test.avi"), bad(out).resolve("test.avi"));
                            return new BadRun(replacing(args, video, cut), cut);
                        }),
                new Writer("test --dump --out (scores per video, metrics)", out -> List.of("test", RECOGNIZER_CONFIG,
                        "--checkpoint", RECOGNIZER, "--set", "testDataloader.dataset.annFile="
                                + write(out.resolveSibling("test_list.txt"), "test.mp4 0\n"),
                        "--set", "testDataloader.dataset.dataPrefix=" + FIXTURES.resolve("tests/data"),
                        "--dump", out.resolve("scores.jsonl").toString(), "--out", out.resolve("test.json").toString()),
                        List.of("scores.jsonl", "test.json"))
                        .onBadInput("a test list that names a video renamed since", (out, args) -> {
                            String list = write(bad(out).resolve("test_list.txt"), "test.mp4 0\ntest_renamed.mp4 1\n");
                            return new BadRun(replacing(args, "testDataloader.dataset.annFile="
                                    + out.resolveSibling("test_list.txt"), "testDataloader.dataset.annFile=" + list),
                                    FIXTURES.resolve("tests/data/test_renamed.mp4").toString());
                        }),
                new Writer("model run --output (.npy of the model's output)", out -> List.of("model", "run",
                        RECOGNIZER_CONFIG, "--checkpoint", RECOGNIZER, "--input", modelInput(out.resolveSibling("input.npy"),
                                video), "--output", out.resolve("logits.npy").toString()), List.of("logits.npy"))
                        .onBadInput("an input array cut short", (out, args) -> {
                            String cut = cutShort(out.resolveSibling("input.npy"), bad(out).resolve("input.npy"));
                            return new BadRun(replacing(args, out.resolveSibling("input.npy").toString(), cut), cut);
                        }),
                new Writer("eval ava --out (metrics JSON)", out -> List.of("eval", "ava", "--gt",
                        ava.resolve("gt.csv").toString(), "--pred", ava.resolve("pred.csv").toString(), "--labelmap",
                        ava.resolve("action_list.txt").toString(), "--out", out.resolve("ava.json").toString()),
                        List.of("ava.json"))
                        .onBadInput("detections with a row cut short", (out, args) -> {
                            String detections = write(bad(out).resolve("pred.csv"), "3reY9zJKhqN,1774,0.072,0.470,0.840,"
                                    + "0.898,2,0.655\n3reY9zJKhqN,1774,0.230,0.215,0.781,0.534,1,0.949\n3reY9zJKhqN,1774,0.195\n");
                            return new BadRun(replacing(args, ava.resolve("pred.csv").toString(), detections),
                                    detections + ":3");
                        }),
                new Writer("localize --out --csv (segment files)", out -> List.of("localize", "--config", localizer,
                        "--out", out.resolve("segments.json").toString(), "--csv", out.resolve("segments.csv").toString(),
                        video), List.of("segments.json", "segments.csv"))
                        .onBadInput("the video cut short", (out, args) -> {
                            String cut = cutShort(Path.of(video), bad(out).resolve("test.mp4"));
                            return new BadRun(replacing(args, video, cut), cut);
                        }),
                new Writer("features --out (CSV, .npy and times per video)", out -> List.of("features", "--config",
                        localizer, "--out", out.toString(), video), List.of("test.csv", "test.npy", "test.json"))
                        // Its features would have the earlier ones' names.
                        .onBadInput("a video of the same name cut short", (out, args) -> {
                            String cut = cutShort(Path.of(video), bad(out).resolve("test.mp4"));
                            return new BadRun(replacing(args, video, cut), cut);
                        }),
                new Writer("localize --jsonl (a JSON line per video)", out -> List.of("localize", "--config", localizer,
                        "--jsonl", out.resolve("segments.jsonl").toString(), video), List.of("segments.jsonl"))
                        .onBadInput("a config with a misspelt key", (out, args) -> {
                            String config = write(bad(out).resolve("mine.yaml"), "_base_: " + localizer
                                    + "\nwindows:\n  strides: 4\n");
                            return new BadRun(replacing(args, localizer, config), config, "windows.strides");
                        }),
                new Writer("localize --timeline (.html)", out -> List.of("localize", "--config", localizer,
                        "--timeline", out.resolve("timeline.html").toString(), video), List.of("timeline.html"))
                        .onBadInput("a misspelt video name (no such file)", (out, args) -> {
                            String typo = bad(out).resolve("tset.mp4").toString();
                            return new BadRun(replacing(args, video, typo), typo);
                        }),
                new Writer("localize --timeline (.png)", out -> List.of("localize", "--config", localizer,
                        "--timeline", out.resolve("timeline.png").toString(), video), List.of("timeline.png"))
                        .onBadInput("a web page saved as the video", (out, args) -> {
                            String page = webPage(bad(out).resolve("test.mp4"));
                            return new BadRun(replacing(args, video, page), page);
                        }),
                new Writer("synth --out (videos, then the lists)", out -> List.of("synth", "--out", out.toString(),
                        "--classes", "horizontal", "--size", "32x32", "--frames", "8", "--train-per-class", "1",
                        "--val-per-class", "1", "--test-per-class", "1", "--seed", "5"), List.of(
                        "videos/move_left/move_left_train_0000.mp4", "videos/move_left/move_left_val_0000.mp4",
                        "videos/move_left/move_left_test_0000.mp4", "videos/move_right/move_right_train_0000.mp4",
                        "videos/move_right/move_right_val_0000.mp4", "videos/move_right/move_right_test_0000.mp4",
                        "train.txt", "val.txt", "test.txt", "classes.txt", "synth.json"))
                        .onBadInput("a misspelt class", (out, args) -> new BadRun(
                                replacing(args, "horizontal", "move_left,move_rihgt"), "classes", "'move_rihgt'")),
                new Writer("flow extract --out (a JPEG pair to write again)", out -> List.of("flow", "extract", "--method",
                        "farneback", "--preview", "--out", out.toString(), clip(out.resolveSibling("in"), 5)), FLOW)
                        .removingFirst("clip/x_00003.jpg", "clip/y_00003.jpg").failingOn("clip/y_00003.jpg")
                        // The same folder name, so the same flow folder; its third frame an empty file.
                        .onBadInput("frames of which one is empty (a copy that stopped)", (out, args) -> {
                            Path frames = Path.of(clip(bad(out), 5));
                            write(frames.resolve("img_00003.jpg"), "");
                            return new BadRun(replacing(args, out.resolveSibling("in").resolve("clip").toString(),
                                    frames.toString()), frames.resolve("img_00003.jpg").toString());
                        }),
                new Writer("flow extract --preview (the preview to write again)", out -> List.of("flow", "extract",
                        "--method", "farneback", "--preview", "--out", out.toString(), clip(out.resolveSibling("in"), 5)),
                        FLOW).removingFirst("clip/flow_preview.png").failingOn("clip/flow_preview.png")
                        .onBadInput("the video of the same name cut short", (out, args) -> {
                            String cut = cutShort(Path.of(video), bad(out).resolve("clip.mp4"));
                            return new BadRun(replacing(args, out.resolveSibling("in").resolve("clip").toString(), cut),
                                    cut);
                        }),
                new Writer("flow extract (the settings file to write again)", out -> List.of("flow", "extract", "--method",
                        "farneback", "--preview", "--out", out.toString(), clip(out.resolveSibling("in"), 5)), FLOW)
                        .removingFirst("clip/flow_settings.txt").failingOn("clip/flow_settings.txt")
                        .onBadInput("a misspelt frame folder of the same name (no such folder)", (out, args) -> {
                            String typo = bad(out).resolve("ni/clip").toString();
                            return new BadRun(replacing(args, out.resolveSibling("in").resolve("clip").toString(), typo),
                                    typo);
                        }),
                // 64 KB: config.yaml and the log lines are written, the training state (about 230 KB) is not.
                new Writer("train --work-dir (the training state, half way)", WriteFailureEndToEndTest::train, TRAINED)
                        .limitedTo(out -> 64).appendingTo("log.jsonl").failingOn("epoch_1.state.safetensors")
                        .onBadInput("a config with a misspelt key", (out, args) -> {
                            String config = write(bad(out).resolve("tiny.yaml"), read(Path.of(trainingConfig()))
                                    .replace("logInterval", "logIntervall"));
                            return new BadRun(replacing(args, trainingConfig(), config), config, "trainCfg.logIntervall");
                        }),
                // The training state fits, the checkpoint (larger) does not; the run starts from the first run's weights,
                // so that a new training state put beside the earlier checkpoint would show.
                new Writer("train --work-dir (the checkpoint, after its training state)", WriteFailureEndToEndTest::train,
                        TRAINED).limitedTo(out -> (int) ((size(out.resolve("epoch_1.state.safetensors")) + 1023) / 1024))
                        .failingWith(out -> List.of("--checkpoint", out.resolve("epoch_1.safetensors").toString()))
                        .appendingTo("log.jsonl").failingOn("epoch_1.safetensors")
                        .onBadInput("initial weights cut short", (out, args) -> {
                            String cut = cutShort(out.resolve("epoch_1.safetensors"), bad(out).resolve("epoch_1.safetensors"));
                            return new BadRun(adding(args, "--checkpoint", cut), cut);
                        }),
                // Earlier runs' lines make the log longer than config.yaml; the limit leaves it less than 1 KB to grow,
                // and the run logs 8 lines of some 200 bytes before its checkpoint: one of them stops half way.
                new Writer("train --work-dir (log.jsonl, a line half way)", out -> {
                    write(out.resolve("log.jsonl"), "{\"mode\": \"earlier run\", \"line\": 1}\n".repeat(60));
                    return train(out);
                }, TRAINED).limitedTo(out -> (int) (size(out.resolve("log.jsonl")) / 1024) + 1).appendingTo("log.jsonl")
                        .failingOn("log.jsonl")
                        // Another training list (so another config), one of whose videos stops the epoch half way.
                        .onBadInput("a training list with a video cut short", (out, args) -> {
                            Path data = shared.resolve("data");
                            String cut = cutShort(data.resolve("videos/move_right/move_right_train_0001.mp4"),
                                    bad(out).resolve("move_right_train_0001.mp4"));
                            String list = write(bad(out).resolve("train.txt"), read(data.resolve("train.txt"))
                                    .replace("videos/move_right/move_right_train_0001.mp4", cut));
                            return new BadRun(adding(args, "--set", "trainDataloader.dataset.annFile=" + list), cut);
                        })
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
        Map<String, byte[]> earlier = firstRun(writer, out, args);
        for (String output : writer.removed()) {
            Files.delete(out.resolve(output));
        }
        List<String> failing = new ArrayList<>(args);
        failing.addAll(writer.failingArgs().apply(out));

        ChildJvm.Result failed = ChildJvm.runWithFileSizeLimit(writer.kilobytes().applyAsInt(out), failing);

        assertThat(failed.exitCode()).as(failed.output()).isEqualTo(1);
        assertOneError(failed.stderr(), failed.output(), line -> {
            if (writer.failingOn() != null) {
                assertThat(line).contains(out.resolve(writer.failingOn()).toString());
            } else {
                assertThat(writer.outputs()).anySatisfy(output -> assertThat(line).contains(out.resolve(output).toString()));
            }
            assertThat(line).contains("too large");
        });
        assertEarlierOutputsKept(writer, out, earlier, writer.removed());
        assertNoTemporaries(writer, out);

        if (!writer.removed().isEmpty()) {
            // What the failed run left, a resumed run takes as done: it must be what an uninterrupted run writes.
            Launcher.Result resumed = Launcher.run(args.toArray(String[]::new));
            assertThat(resumed.exitCode()).as(resumed.err()).isZero();
            for (String output : writer.outputs()) {
                assertThat(Files.readAllBytes(out.resolve(output))).as(output).isEqualTo(earlier.get(output));
            }
        }
    }

    /** The rows again, each with its mistake (for the test's name). */
    static Stream<Arguments> writersOnBadInputs() {
        return writers().map(row -> (Writer) row.get()[0]).map(writer -> Arguments.of(writer, writer.mistake()));
    }

    @ParameterizedTest(name = "{0}, on {1}")
    @MethodSource("writersOnBadInputs")
    void aBadInputFailsAndKeepsTheEarlierOutputs(Writer writer, String mistake) throws Exception {
        assumeTrue(Files.isDirectory(FIXTURES), "missing fixtures " + FIXTURES + " (the ../shared checkout); skipping");
        assertThat(writer.badRun()).as(writer + ": every writer has a failing input").isNotNull();
        Path out = Files.createDirectories(folder.resolve("out"));
        List<String> args = writer.args().apply(out);
        Map<String, byte[]> earlier = firstRun(writer, out, args);
        BadRun bad = writer.badRun().apply(out, args);

        Launcher.Result failed = Launcher.run(bad.args().toArray(String[]::new));

        String said = failed.out() + failed.err();
        assertThat(failed.exitCode()).as(said).isNotZero();
        assertOneError(failed.err(), said, line -> assertThat(bad.named()).allSatisfy(named ->
                assertThat(line).as("the error names the bad input").contains(named)));
        assertThat(said).as("a stack trace").doesNotContain("\tat ");
        assertEarlierOutputsKept(writer, out, earlier, List.of());
        assertNoTemporaries(writer, out);
    }

    /** Runs the writer's arguments in this JVM; returns its outputs' bytes, each checked to be there and not empty. */
    private static Map<String, byte[]> firstRun(Writer writer, Path out, List<String> args) throws java.io.IOException {
        Launcher.Result first = Launcher.run(args.toArray(String[]::new));
        assertThat(first.exitCode()).as(first.err()).isZero();
        Map<String, byte[]> earlier = new HashMap<>();
        for (String output : writer.outputs()) {
            earlier.put(output, Files.readAllBytes(out.resolve(output)));
            assertThat(earlier.get(output)).as(output).isNotEmpty();
        }
        return earlier;
    }

    /** A Java exception's or class's name: "IOException", "OutOfMemoryError", "java.nio.file...". */
    private static final Pattern JAVA_NAME = Pattern.compile("\\w*Exception\\b|\\b[A-Z]\\w+Error\\b"
            + "|\\b(?:java|javax|jdk|sun|com|org|io)\\.[a-z]\\w*\\.");

    /** {@code stderr} has one error line, in words (no Java names, no temporary's name), that {@code about} accepts. */
    private static void assertOneError(String stderr, String said, Consumer<String> about) {
        List<String> errors = stderr.lines().filter(line -> line.startsWith("error: ")).toList();
        assertThat(errors).as(said).singleElement().satisfies(line -> {
            about.accept(line);
            assertThat(line).doesNotContain(".partial");
            assertThat(JAVA_NAME.matcher(line).results().map(java.util.regex.MatchResult::group)).as(line).isEmpty();
            // Words only: no bytes after a native message's end, no control characters.
            assertThat(line.chars().filter(c -> c < 0x20 || c == 0x7f || c == 0xfffd).count()).as(line).isZero();
        });
    }

    /**
     * Each output is as the first run left it, byte for byte: {@code removed} ones are still gone (a failed run
     * leaves no half-written file), logs may have gained whole lines.
     */
    private static void assertEarlierOutputsKept(Writer writer, Path out, Map<String, byte[]> earlier,
                                                 List<String> removed) throws java.io.IOException {
        for (String output : writer.outputs()) {
            Path file = out.resolve(output);
            if (removed.contains(output)) {
                assertThat(file).as("a file the failed run did not finish").doesNotExist();
            } else if (writer.appended().contains(output)) {
                assertWholeLinesAdded(file, earlier.get(output));
            } else {
                assertThat(Files.readAllBytes(file)).as(output).isEqualTo(earlier.get(output));
            }
        }
    }

    /** Nothing but the outputs in their folder. */
    private static void assertNoTemporaries(Writer writer, Path out) throws java.io.IOException {
        List<String> left = new ArrayList<>();
        try (Stream<Path> files = Files.walk(out)) {
            files.filter(Files::isRegularFile).map(path -> out.relativize(path).toString())
                    .filter(name -> !writer.outputs().contains(name)).forEach(left::add);
        }
        assertThat(left).as("temporary files left beside the outputs").isEmpty();
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
