package io.action4j.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data pipeline end to end against independent tools (src/test/resources/reference/make_pipeline_reference.py). */
class PipelineShowEndToEndTest {

    @TempDir
    Path folder;

    static Path demoVideo() {
        Path video = Launcher.repository().resolveSibling("shared").resolve("fixtures/mmaction2/demo/demo.mp4");
        assumeTrue(Files.exists(video), "missing fixture " + video + " (the ../shared checkout); skipping");
        return video;
    }

    @Test
    void samplesDecodesResizesCropsAndFormatsAsFfmpegPlusOpenCvDo() throws Exception {
        Path config = Files.writeString(folder.resolve("data.yaml"), """
                data:
                  sampler: {type: sample_frames, clipLen: 16, frameInterval: 1, numClips: 1, testMode: true}
                  pipeline:
                    - {type: resize, scale: [-1, 128]}
                    - {type: center_crop, cropSize: [112, 112]}
                """);
        Path npy = folder.resolve("clip.npy");

        Launcher.Result result = Launcher.run("pipeline", "show", config.toString(), demoVideo().toString(),
                "--out", npy.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out())
                .contains("280 frames from index 0")
                .contains("clip 0: 132 133 134 135 136 137 138 139 140 141 142 143 144 145 146 147")
                .contains("tensor: NCTHW 1x3x16x112x112");
        float[] values = ModelRunEndToEndTest.readFloat32(npy, "(1, 3, 16, 112, 112)");
        byte[] asBytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            assertThat(values[i]).isBetween(0f, 255f).isEqualTo((float) Math.rint(values[i]));
            asBytes[i] = (byte) values[i];
        }
        String reference = Files.readString(Launcher.repository()
                .resolve("src/test/resources/reference/demo_16x1x1_resize128_crop112.md5"));
        assertThat(md5(asBytes)).isEqualTo(reference.substring(0, 32));
    }

    @Test
    void repositoryConfigNormalisesTheClip() {
        Path config = Launcher.repository().resolve("configs/recognition/resnet3d/r3d-18_kinetics400.yaml");

        Launcher.Result result = Launcher.run("pipeline", "show", config.toString(), demoVideo().toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).containsPattern("tensor: NCTHW 1x3x16x112x112  min -\\d\\.\\d+  max \\d\\.\\d+");
    }

    @Test
    void configWithoutDataSectionIsReported() {
        Path modelOnly = Launcher.repository().resolve("configs/_base_/models/r3d_18.yaml");

        Launcher.Result result = Launcher.run("pipeline", "show", modelOnly.toString(), demoVideo().toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("error: " + modelOnly + " has no 'data' section");
    }

    private static String md5(byte[] bytes) throws Exception {
        return String.format("%032x", new BigInteger(1, MessageDigest.getInstance("MD5").digest(bytes)));
    }

    @Test
    void aVideoAloneRunsTheBuiltInModelsPipeline() {
        Launcher.Result result = Launcher.run("pipeline", "show", demoVideo().toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("video: " + demoVideo()).contains("tensor: NCTHW");

        Launcher.Result nothing = Launcher.run("pipeline", "show");
        assertThat(nothing.exitCode()).isNotZero();
        assertThat(nothing.err()).contains("pipeline show needs a VIDEO");
    }
}
