package io.action4j.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The fusion family's synthetic-benchmark configs build, and a bad key or value in them is one line naming it. */
class FusionConfigsEndToEndTest {

    private static String config(String name) {
        return Launcher.repository().resolve("configs/recognition/synth").resolve(name + "_synth.yaml").toString();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "early-fusion-r18-small, 1x3x8x28x28, '327,081'",
            "late-fusion-r18-small, 1x3x8x28x28, '343,513'",
            "slow-fusion-small, 1x3x8x28x28, '501,321'",
            "cnn-lstm-r18-small, 1x3x8x28x28, '442,713'",
            "conv-pooling-r18-small, 1x3x8x28x28, '310,617'",
            "rgb-diff-r18-small, 1x3x7x28x28, '324,729'",
            "two-stream-conv-fusion-r18-small, 1x6x7x28x28, '667,209'"})
    void buildsWithItsParameterCount(String name, String input, String parameters) {
        Launcher.Result result = Launcher.run("model", "summary", config(name), "--input", input, "--no-layers");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("Output: cls_score 1x9").contains("Parameters: " + parameters + " trainable");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "model.backbone.fusion=average | model.backbone.fusion: must be one of [sum, max, concat, conv, bilinear, conv3d], got average",
            "model.backbone.trunk.depth=19 | model.backbone.trunk.depth: must be one of [18, 34, 50, 101, 152], got 19",
            "model.backbone.fuseAfter=2 | model.backbone.fuseAfter: bilinear fusion gives one vector per segment",
            "model.backbone.trunk.dept=18 | model.backbone.trunk.dept: unknown key (did you mean 'depth'?); known keys here: [baseChannels, bnEpsilon, depth, stageBlocks, strides]",
            "model.backbone.stackFrames=3 | backbone/streams: segments of 3 frames (stackFrames) need a clip whose time is a multiple of it"})
    void badKeysAndValuesAreNamed(String override, String message) {
        List<String> arguments = new ArrayList<>(List.of("model", "summary", config("two-stream-conv-fusion-r18-small"),
                "--input", "1x6x7x28x28", "--no-layers", "--set", override));
        if (override.startsWith("model.backbone.fuseAfter")) {
            arguments.addAll(List.of("--set", "model.backbone.fusion=bilinear"));
        }

        Launcher.Result result = Launcher.run(arguments.toArray(String[]::new));

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.err()).contains(message).doesNotContain("Exception").hasLineCount(1);
    }
}
