package io.action4j.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
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

    /** A command that writes files: its arguments for an output folder, and the files it writes there. */
    record Writer(String name, Function<Path, List<String>> args, List<String> outputs) {

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
                                .toString(), "--out", out.toString(), video), List.of("test.csv", "test.npy", "test.json"))
        ).map(Arguments::of);
    }

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

        ChildJvm.Result failed = ChildJvm.runWithFileSizeLimit(0, args);

        assertThat(failed.exitCode()).as(failed.output()).isEqualTo(1);
        List<String> errors = failed.stderr().lines().filter(line -> line.startsWith("error: ")).toList();
        assertThat(errors).as(failed.output()).singleElement().satisfies(line -> {
            assertThat(writer.outputs()).anySatisfy(output -> assertThat(line).contains(out.resolve(output).toString()));
            assertThat(line).contains("too large").doesNotContain("Exception");
        });
        for (String output : writer.outputs()) {
            assertThat(Files.readAllBytes(out.resolve(output))).as(output).isEqualTo(earlier.get(output));
        }
        List<String> left = new ArrayList<>();
        try (Stream<Path> files = Files.list(out)) {
            files.map(path -> path.getFileName().toString()).filter(name -> !writer.outputs().contains(name))
                    .forEach(left::add);
        }
        assertThat(left).as("temporary files left beside the outputs").isEmpty();
    }
}
