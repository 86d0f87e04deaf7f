package io.action4j.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.action4j.engine.checkpoint.Safetensors;
import io.action4j.engine.checkpoint.TensorData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TSN's temporal stream on MMAction2's flow rawframes ({@code x_0000N.jpg}, {@code y_0000N.jpg}, 5 of each): the
 * rawframes reader gives 2-channel frames, early_fusion stacks L of them into 2L channels, and an RGB checkpoint's
 * first layer initialises it with --cross-modality.
 */
class FlowStackingEndToEndTest {

    private static final String CONFIG = Launcher.repository()
            .resolve("configs/recognition/tsn/tsn-r50-flow-10x1x3_kinetics400.yaml").toString();

    @TempDir
    Path folder;

    private static Path flowFrames() {
        Path frames = Launcher.repository().resolve("../shared/fixtures/mmaction2/tests/data/imgs").normalize();
        assumeTrue(Files.isDirectory(frames), "missing fixture " + frames + " (the ../shared checkout); skipping");
        return frames;
    }

    /** The config at a small width, on segments of the fixture's 5 flow frames. */
    private static List<String> small(String... more) {
        List<String> arguments = new ArrayList<>(List.of("--set", "data.sampler.clipLen=5", "--set",
                "model.backbone.stackFrames=5", "--set", "model.backbone.trunk.baseChannels=8"));
        arguments.addAll(List.of(more));
        return arguments;
    }

    @Test
    void flowFramesAreStackedIntoTwoLChannelsPerSegment() {
        Path frames = flowFrames();
        List<String> show = new ArrayList<>(List.of("pipeline", "show", CONFIG, frames.toString()));
        show.addAll(small("--set", "data.sampler.numClips=2"));

        Launcher.Result result = Launcher.run(show.toArray(String[]::new));

        assertThat(result.exitCode()).as(result.err()).isZero();
        // 2 segments of 5 flow frames (x, y) on the time axis; the backbone stacks each segment's into 10 channels.
        assertThat(result.out()).contains("tensor: NCTHW 1x2x10x224x224");
    }

    @Test
    void i3dsFlowStreamTakesTheFlowFramesAsATwoChannelClip() {
        Path frames = flowFrames();
        String i3d = Launcher.repository().resolve("configs/recognition/i3d/i3d-r50-flow_kinetics400.yaml").toString();

        Launcher.Result clip = Launcher.run("pipeline", "show", i3d, frames.toString(), "--set", "data.sampler.clipLen=4",
                "--set", "data.sampler.frameInterval=1");
        Launcher.Result summary = Launcher.run("model", "summary", i3d, "--input", "1x2x8x64x64", "--no-layers");

        assertThat(clip.exitCode()).as(clip.err()).isZero();
        assertThat(clip.out()).contains("tensor: NCTHW 1x2x4x224x224");
        // The RGB I3D's 28,043,472 less one input channel of the 5x7x7 stem's 64 filters.
        assertThat(summary.out()).contains("Parameters: 28,027,792 trainable");
    }

    @Test
    void anRgbFirstLayerInitialisesTheFlowStreamWithCrossModality() throws Exception {
        Path frames = flowFrames();
        float[] values = new float[8 * 3 * 7 * 7];
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextGaussian();
        }
        Path rgb = folder.resolve("rgb.safetensors");
        Safetensors.write(rgb, Map.of("backbone.conv1.conv.weight",
                new TensorData("backbone.conv1.conv.weight", new long[] {8, 3, 7, 7}, values)), Map.of());

        Launcher.Result seeded = recognize(frames, "--checkpoint", rgb.toString(), "--non-strict");
        Launcher.Result crossModality = recognize(frames, "--checkpoint", rgb.toString(), "--non-strict",
                "--cross-modality");
        Launcher.Result strict = recognize(frames, "--checkpoint", rgb.toString());

        assertThat(seeded.exitCode()).as(seeded.err()).isZero();
        assertThat(crossModality.exitCode()).as(crossModality.err()).isZero();
        // Without it the 3-channel weight does not fit the 10-channel layer and is left out (the seeded weights
        // score); with it the layer takes the RGB weights' average, and the scores change.
        assertThat(crossModality.out()).isNotEqualTo(seeded.out());
        assertThat(strict.exitCode()).isNotZero();
        assertThat(strict.err()).contains("backbone.conv1.conv.weight");
    }

    private static Launcher.Result recognize(Path frames, String... options) {
        List<String> arguments = new ArrayList<>(List.of("recognize", "--config", CONFIG));
        arguments.addAll(small(options));
        arguments.add(frames.toString());
        return Launcher.run(arguments.toArray(String[]::new));
    }
}
