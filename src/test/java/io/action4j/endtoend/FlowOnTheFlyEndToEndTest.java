package io.action4j.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.action4j.api.transform.FormattedClip;
import io.action4j.api.video.VideoReader;
import io.action4j.engine.config.ExperimentConfig;
import io.action4j.engine.data.ClipPipeline;
import io.action4j.engine.data.VideoReaders;
import io.action4j.engine.flow.FlowFrameFiles;
import io.action4j.registry.PluginLoader;
import io.action4j.registry.PluginRegistry;
import io.action4j.registry.config.ConfigBinder;
import io.action4j.registry.config.ConfigException;
import io.action4j.registry.config.ConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Flow on the fly equals flow extracted beforehand: five flow frames of MMAction2's test frames, once stored by
 * {@code flow extract} and read by the {@code rawframes} reader ({@code modality: flow}), once computed inside the
 * pipeline by the {@code optical_flow} transform from six RGB frames. The two tensors differ only by what JPEG
 * does to the stored levels: the computed levels, written by the same JPEG writer, are the stored files byte for
 * byte.
 */
class FlowOnTheFlyEndToEndTest {

    static final String STORED = """
            data:
              reader: {type: rawframes, modality: flow}
              sampler: {type: sample_frames, clipLen: 5, frameInterval: 1, numClips: 1, testMode: true}
              pipeline: []
              format: {inputFormat: NCTHW}
            """;

    static final String ON_THE_FLY = """
            data:
              reader: {type: rawframes}
              sampler: {type: sample_frames, clipLen: 6, frameInterval: 1, numClips: 1, testMode: true}
              pipeline:
                - {type: optical_flow, method: farneback, bound: 20}
              format: {inputFormat: NCTHW}
            """;

    @Test
    void flowComputedInThePipelineEqualsStoredFlowWithinJpegsLoss(@TempDir Path temporary) throws Exception {
        Path video = FlowExtractEndToEndTest.frames(temporary, "clip", 6);
        Path out = temporary.resolve("flow");
        assertThat(Launcher.run("flow", "extract", "--method", "farneback", "--out", out.toString(), video.toString())
                .exitCode()).isZero();

        FormattedClip stored = tensor(STORED, out.resolve("clip"));
        FormattedClip computed = tensor(ON_THE_FLY, video);
        assertThat(stored.shape()).containsExactly(1, 2, 5, 240, 320);
        assertThat(computed.shape()).containsExactly(stored.shape());
        double largest = 0;
        double sum = 0;
        for (int i = 0; i < stored.values().length; i++) {
            double difference = Math.abs(stored.values()[i] - computed.values()[i]);
            largest = Math.max(largest, difference);
            sum += difference;
        }
        System.out.printf("flow on the fly against stored flow: largest difference %.0f levels, mean %.4f%n",
                largest, sum / stored.values().length);
        // JPEG at quality 95 moves a level by up to 5 at this flow's sharpest edges; 0.06 on average.
        assertThat(largest).as("JPEG's loss on stored levels").isLessThanOrEqualTo(8);
        assertThat(sum / stored.values().length).isLessThan(0.1);

        // Before JPEG they are the same: the computed levels make the stored files, byte for byte.
        int plane = 240 * 320;
        for (int t = 0; t < 5; t++) {
            for (int component = 0; component < 2; component++) {
                byte[] levels = new byte[plane];
                for (int i = 0; i < plane; i++) {
                    levels[i] = (byte) computed.values()[(component * 5 + t) * plane + i];
                }
                String name = FlowFrameFiles.name(component == 0 ? 'x' : 'y', t + 1, false);
                Path again = temporary.resolve("again_" + name);
                FlowFrameFiles.writeGreyJpeg(again, levels, 320, 240);
                assertThat(Files.readAllBytes(again)).as(name)
                        .isEqualTo(Files.readAllBytes(out.resolve("clip").resolve(name)));
            }
        }
    }

    /** A temporal stream (TSN's: 5 stacked flows, 10 channels, into a small 2D ResNet) with seeded weights. */
    static final String TEMPORAL_STREAM = """
            model:
              backbone:
                type: early_fusion
                stackFrames: 5
                trunk: {depth: 18, baseChannels: 8, stageBlocks: [1, 1, 1, 1]}
              clsHead: {type: tsn, numClasses: 4, initStd: 2.0}
            """;

    @Test
    void aTemporalStreamScoresARawVideoAsItScoresItsStoredFlow(@TempDir Path temporary) throws Exception {
        Path video = FlowExtractEndToEndTest.frames(temporary, "clip", 6);
        Path out = temporary.resolve("flow");
        assertThat(Launcher.run("flow", "extract", "--method", "farneback", "--out", out.toString(), video.toString())
                .exitCode()).isZero();
        String normalized = "    - {type: normalize, mean: [128, 128], std: [128, 128]}\n";
        Path storedConfig = Files.writeString(temporary.resolve("stored.yaml"), TEMPORAL_STREAM
                + STORED.replace("  pipeline: []\n", "  pipeline:\n" + normalized));
        Path computedConfig = Files.writeString(temporary.resolve("computed.yaml"), TEMPORAL_STREAM
                + ON_THE_FLY.replace("format:", "format:").replace("    - {type: optical_flow, method: farneback, bound: 20}\n",
                        "    - {type: optical_flow, method: farneback, bound: 20}\n" + normalized));

        float[] fromStored;
        float[] fromVideo;
        try (io.action4j.engine.recognition.Recognizer stored = io.action4j.engine.recognition.Recognizer.builder()
                .config(storedConfig).build();
             io.action4j.engine.recognition.Recognizer computed = io.action4j.engine.recognition.Recognizer.builder()
                     .config(computedConfig).build()) {
            fromStored = stored.recognize(out.resolve("clip")).scores();
            fromVideo = computed.recognize(video).scores();
        }

        // The same seeded weights (a head initialised wide, so that the classes' probabilities spread) see the same
        // flow but for JPEG's loss on the stored levels: they agree to 1e-3 here (3e-3 allowed), against a spread
        // of 0.19 between the classes.
        System.out.printf("temporal stream on stored flow %s, on the raw video %s%n", java.util.Arrays.toString(fromStored),
                java.util.Arrays.toString(fromVideo));
        assertThat(fromVideo).hasSize(4);
        float spread = 0;
        for (int c = 0; c < 4; c++) {
            assertThat(fromVideo[c]).as("class " + c).isCloseTo(fromStored[c], org.assertj.core.api.Assertions.within(3e-3f));
            spread = Math.max(spread, Math.abs(fromStored[c] - fromStored[0]));
        }
        assertThat(spread).as("the classes' probabilities differ, so agreeing means something").isGreaterThan(0.1f);
    }

    @Test
    void overlappingWindowsScoreTheSameWhetherTheirSharedFramePairsFlowIsReusedOrComputedAgain(@TempDir Path temporary)
            throws Exception {
        // Windows of 6 frames every 2 over MMAction2's 10 test frames: [0, 6), [2, 8), [4, 10), neighbours sharing
        // 3 of their 5 pairs.
        Path video = FlowExtractEndToEndTest.frames(temporary, "clip", 10);
        String normalized = "    - {type: normalize, mean: [128, 128], std: [128, 128]}\n";
        Path config = Files.writeString(temporary.resolve("computed.yaml"), TEMPORAL_STREAM
                + ON_THE_FLY.replace("    - {type: optical_flow, method: farneback, bound: 20}\n",
                        "    - {type: optical_flow, method: farneback, bound: 20}\n" + normalized));
        Path reused = temporary.resolve("reused.jsonl");
        Path computed = temporary.resolve("computed.jsonl");
        Launcher.Result withReuse = Launcher.run("recognize", "--config", config.toString(), "--window", "6",
                "--stride", "2", "--out", reused.toString(), video.toString());
        Launcher.Result without = Launcher.run("recognize", "--config", config.toString(), "--window", "6",
                "--stride", "2", "--set", "data.pipeline[0].reuseMegabytes=0", "--out", computed.toString(),
                video.toString());
        assertThat(withReuse.exitCode()).as(withReuse.err()).isZero();
        assertThat(without.exitCode()).as(without.err()).isZero();

        List<String> reusedLines = Files.readAllLines(reused);
        assertThat(reusedLines).hasSize(3);
        assertThat(reusedLines).isEqualTo(Files.readAllLines(computed));
    }

    @Test
    void aVideoShorterThanTheFlowStackIsRefusedOrPaddedWithNoMotionAsConfigured(@TempDir Path temporary)
            throws Exception {
        // 4 frames for a stack of 5 flows (6 frames).
        Path video = FlowExtractEndToEndTest.frames(temporary, "short", 4);
        Path refusing = Files.writeString(temporary.resolve("refusing.yaml"), TEMPORAL_STREAM
                + ON_THE_FLY.replace("testMode: true}", "testMode: true, outOfBoundOpt: error}"));
        Launcher.Result refused = Launcher.run("recognize", "--config", refusing.toString(), video.toString());
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.err()).contains(video.toString()).contains("the video has 4 frames")
                .contains("needs frame 4").contains("repeat_last pads");

        FormattedClip padded = tensor(ON_THE_FLY.replace("testMode: true}", "testMode: true, outOfBoundOpt: repeat_last}"),
                video);
        assertThat(padded.shape()).containsExactly(1, 2, 5, 240, 320);
        int plane = 240 * 320;
        int moved = 0;
        for (int component = 0; component < 2; component++) {
            for (int t = 3; t < 5; t++) {
                for (int i = 0; i < plane; i++) {
                    if (Math.abs(padded.values()[(component * 5 + t) * plane + i] - 128) > 1) {
                        moved++;
                    }
                }
            }
        }
        // The padded pairs are the last frame and itself: no motion (level 128) but for OpenCV's own Farneback noise
        // on identical frames (python3-opencv gives the same: up to 0.6 px at 292 of 76,800 pixels of this frame).
        assertThat(moved).as("levels more than one from 128 in the two padded flows").isLessThan(4 * plane / 100);
    }

    @Test
    void windowsShorterThanTheFlowStackFailTheirVideoByNameAndSkipMovesOnToTheNext(@TempDir Path temporary)
            throws Exception {
        // Windows of 4 frames for a stack of 5 flows (6 frames), refused by outOfBoundOpt error.
        Path shortWindows = FlowExtractEndToEndTest.frames(temporary, "short-windows", 8);
        Path config = Files.writeString(temporary.resolve("refusing.yaml"), TEMPORAL_STREAM
                + ON_THE_FLY.replace("testMode: true}", "testMode: true, outOfBoundOpt: error}"));
        Path windows = temporary.resolve("windows.jsonl");

        Launcher.Result failed = Launcher.run("recognize", "--config", config.toString(), "--window", "4", "--stride",
                "4", shortWindows.toString());
        Launcher.Result skipped = Launcher.run("recognize", "--config", config.toString(), "--window", "4", "--stride",
                "4", "--on-error", "skip", "--out", windows.toString(), shortWindows.toString(), shortWindows.toString());

        assertThat(failed.exitCode()).isNotZero();
        assertThat(failed.err()).contains(shortWindows.toString()).contains("the video has 4 frames")
                .contains("repeat_last pads").doesNotContain("Exception").doesNotContain("\tat ");
        // --on-error skip: each video is skipped by name, the run goes on to the next and its lines say why.
        assertThat(skipped.exitCode()).isEqualTo(1);
        assertThat(skipped.err().split("skipped: " + shortWindows + ": a window of 4 frames", -1)).hasSize(3);
        assertThat(Files.readAllLines(windows)).hasSize(2)
                .allSatisfy(line -> assertThat(line).contains("\"error\"").contains("outOfBoundOpt is error"));
    }

    @Test
    void theTransformsEstimatorParametersMergeOverTheirDefaultsAndBadOnesAreNamed() {
        PluginRegistry registry = PluginLoader.load(FlowOnTheFlyEndToEndTest.class.getClassLoader(), List.of());
        ConfigBinder binder = new ConfigBinder(registry);
        String tvl1 = ON_THE_FLY.replace("method: farneback", "method: tvl1, tvl1: {warps: 3, warpedFlow: true}");
        ExperimentConfig config = binder.bind(new ConfigLoader().parse(tvl1, "flow test"), ExperimentConfig.class);
        assertThat(binder.toJson(config)).contains("\"warps\" : 3").contains("\"innerIterations\" : 30")
                .contains("\"warpedFlow\" : true");
        String bad = ON_THE_FLY.replace("method: farneback", "method: tvl1, tvl1: {scaleStep: 1.5}");
        assertThatThrownBy(() -> binder.bind(new ConfigLoader().parse(bad, "flow test"), ExperimentConfig.class))
                .isInstanceOf(ConfigException.class).hasMessageContaining("data.pipeline[0].tvl1.scaleStep")
                .hasMessageContaining("1.5");
    }

    static FormattedClip tensor(String yaml, Path video) throws Exception {
        PluginRegistry registry = PluginLoader.load(FlowOnTheFlyEndToEndTest.class.getClassLoader(), List.of());
        ExperimentConfig config = new ConfigBinder(registry).bind(new ConfigLoader().parse(yaml, "flow test"),
                ExperimentConfig.class);
        try (VideoReader reader = VideoReaders.byPath(registry).decoderFor(video, config.data().reader())
                .open(video)) {
            return ClipPipeline.build(config.data()).run(reader, new SplittableRandom(1)).tensor();
        }
    }
}
