package io.action4j.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The README's first command: the built-in default model, torchvision's r3d_18. */
class ModelSummaryEndToEndTest {

    @Test
    void defaultModelIsTorchvisionR3d18() throws Exception {
        Launcher.Result result = Launcher.run("model", "summary", "--format", "json", "--no-layers");

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode summary = new ObjectMapper().readTree(result.out());
        // torchvision's r3d_18 (400 classes): 33,371,472 parameters and 40.70 GFLOPS as its model card
        // counts them (multiply-accumulates) at 1x3x16x112x112.
        assertThat(summary.get("parameters").asLong()).isEqualTo(33_371_472L);
        assertThat(summary.get("macs").asLong() / 1e9).isCloseTo(40.70, within(0.005));
        assertThat(summary.get("flops").asLong()).isEqualTo(2 * summary.get("macs").asLong());
        assertThat(summary.get("outputs").get("cls_score").asText()).isEqualTo("1x400");
        assertThat(summary.get("inputs").get("input").asText()).isEqualTo("1x3x16x112x112");
        assertThat(summary.has("layers")).as("--no-layers").isFalse();
    }

    @Test
    void repositoryConfigListsLayersWithShapesForTheGivenInput() {
        String config = Launcher.repository().resolve("configs/recognition/resnet3d/r3d-18_kinetics400.yaml").toString();

        Launcher.Result result = Launcher.run("model", "summary", config, "--input", "2x3x8x64x64");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out())
                .contains("Input: input 2x3x8x64x64")
                .containsPattern("backbone/conv1\\.conv\\s+conv3dnew\\s+2x64x8x32x32\\s+28,224")
                .containsPattern("backbone/layer4\\.1\\.conv2\\.conv\\s+conv3dnew\\s+2x512x1x4x4")
                .containsPattern("cls_head/fc_cls\\.matmul\\s+matmul\\s+2x400\\s+204,800\\s+409,600")
                .containsPattern("cls_head/fc_cls\\s+add\\s+2x400\\s+400\\s+0")
                .contains("Output: cls_score 2x400")
                .contains("Parameters: 33,371,472 trainable");
    }

    /** A size the user typed is checked before anything is allocated: no JVM crash, one line naming it. */
    @Test
    void inputsLargerThanMemoryAreRefusedBeforeAnythingIsAllocated() {
        Launcher.Result summary = Launcher.run("model", "summary", "--no-layers", "--input", "1x3x100000x4000x4000");
        Launcher.Result benchmark = Launcher.run("benchmark", "--batch", "1000000");
        Launcher.Result overflow = Launcher.run("model", "summary", "--input", "1x3x99999999999x99999999999x9");

        assertThat(summary.exitCode()).isEqualTo(1);
        assertThat(summary.err()).contains("error: --input: a 1x3x100000x4000x4000 tensor is 4800000000000 values "
                + "(19.2 TB), more than the memory available");
        assertThat(benchmark.exitCode()).isEqualTo(1);
        assertThat(benchmark.err()).contains("error: --input 1x3x16x112x112 with --batch 1000000: a "
                + "1000000x3x16x112x112 tensor is 602112000000 values (2.4 TB)");
        assertThat(overflow.exitCode()).isEqualTo(1);
        assertThat(overflow.err()).contains("more values than a 64-bit count holds");
    }

    @Test
    void inputThatIsNotAShapeIsReported() {
        Launcher.Result result = Launcher.run("model", "summary", "--input", "1x3xsixteen");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("not a tensor shape: '1x3xsixteen'");
    }

    /**
     * torchvision's parameter counts (400 classes), and that of the transcription of MMAction2's R(2+1)D-34
     * (with its I3D head) in the resnet3d parity-fixture script, from the repository's configs.
     */
    @ParameterizedTest
    @CsvSource({"resnet3d/r3d-18_kinetics400.yaml, 33371472", "resnet3d/mc3-18_kinetics400.yaml, 11695440",
                "resnet3d/r2plus1d-18_kinetics400.yaml, 31505325",
                "r2plus1d/r2plus1d-r34_8xb8-8x8x1-180e_kinetics400-rgb.yaml, 63759281"})
    void repositoryConfigsHaveTheReferencesParameterCounts(String config, long parameters) throws Exception {
        String path = Launcher.repository().resolve("configs/recognition/" + config).toString();

        Launcher.Result result = Launcher.run("model", "summary", path, "--input", "1x3x8x32x32", "--format", "json",
                "--no-layers");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(new ObjectMapper().readTree(result.out()).get("parameters").asLong()).isEqualTo(parameters);
    }

    @Test
    void benchmarkReportsLatencyThroughputComputeAndMemory() {
        Launcher.Result result = Launcher.run("benchmark", "--input", "1x3x4x32x32", "--batch", "2",
                "--warmup", "1", "--iterations", "3");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out())
                .contains("input 2x3x4x32x32")
                .containsPattern("latency: median \\d+\\.\\d ms, min .* over 3 calls after 1 warm-up calls")
                .containsPattern("JIT: .+; compiling during the timed calls: \\d+ ms")
                .containsPattern("throughput: \\d+\\.\\d\\d clips/s")
                .containsPattern("compute: \\d+\\.\\d\\d GFLOPs per call, \\d+\\.\\d GFLOP/s achieved")
                .containsPattern("resident memory: \\d+ MB before building");
    }

    @Test
    void benchmarkProfileSplitsTheCallsTimeByOpKind() {
        Launcher.Result result = Launcher.run("benchmark", "--input", "1x3x4x32x32", "--warmup", "1", "--iterations",
                "2", "--profile");

        assertThat(result.exitCode()).as(result.err()).isZero();
        // r3d_18 (the built-in default): 20 convolutions a call (the stem, 16 in the stages, 3 shortcuts).
        assertThat(result.out())
                .contains("profile (mean per call over the 2 timed calls")
                .containsPattern("\\n  conv3dnew +20\\.0 +\\d+\\.\\d\\d +\\d+\\.\\d%")
                .containsPattern("\\n  relu +\\d+\\.0 ")
                .containsPattern("\\n  \\(between ops\\) +-?\\d+\\.\\d\\d +-?\\d+\\.\\d%");
    }

    @Test
    void endToEndBenchmarkSplitsTheTimeByStage() {
        String video = PipelineShowEndToEndTest.demoVideo().toString();
        Launcher.Result result = Launcher.run("benchmark", "--videos", video, video, "--warmup", "1", "--rounds", "1",
                "--set", "data.sampler.clipLen=4",
                "--set", "data.pipeline=[{type: resize, scale: [-1, 40]}, {type: center_crop, cropSize: [32, 32]}]");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out())
                .containsPattern("end to end: 2 videos \\(2 views\\) after 1 warm-up videos: \\d+\\.\\d\\d videos/s")
                .containsPattern("open \\+ decode sampled frames +\\d+\\.\\d ms a video +\\d+\\.\\d%")
                .containsPattern("transforms \\+ format +\\d+\\.\\d ms a video")
                .containsPattern("forward pass +\\d+\\.\\d ms a video");
    }
}
