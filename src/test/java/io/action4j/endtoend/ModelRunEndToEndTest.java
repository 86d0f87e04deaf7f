package io.action4j.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import io.action4j.engine.data.NpyFiles;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code model run}: a NumPy array in, the model's output as a NumPy array out. */
class ModelRunEndToEndTest {

    @TempDir
    Path folder;

    @Test
    void pipelineOutputRunsThroughTheModelDeterministically() throws Exception {
        Path clip = folder.resolve("clip.npy");
        Path config = Launcher.repository().resolve("configs/recognition/resnet3d/r3d-18_kinetics400.yaml");
        Launcher.Result pipeline = Launcher.run("pipeline", "show", config.toString(),
                PipelineShowEndToEndTest.demoVideo().toString(), "--out", clip.toString());
        assertThat(pipeline.exitCode()).as(pipeline.err()).isZero();

        Path first = folder.resolve("first.npy");
        Path second = folder.resolve("second.npy");
        Launcher.Result run = Launcher.run("model", "run", config.toString(), "--input", clip.toString(),
                "--output", first.toString(), "--set", "model.backbone.depth=18");
        Launcher.Result again = Launcher.run("model", "run", config.toString(), "--input", clip.toString(),
                "--output", second.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(run.out()).contains("cls_score float32 1x400");
        assertThat(run.err()).contains("no --checkpoint: the model keeps its seeded initial weights");
        float[] logits = readFloat32(first, "(1, 400)");
        assertThat(logits).isEqualTo(readFloat32(second, "(1, 400)"));
        assertThat(Arrays.stream(toDoubles(logits)).allMatch(Double::isFinite)).isTrue();
        assertThat(Arrays.stream(toDoubles(logits)).distinct().count()).isGreaterThan(300);
    }

    @Test
    void inputThatIsNotFloat32IsRefusedNamingTheFile() throws Exception {
        Path uint8 = folder.resolve("frames.npy");
        Launcher.Result frames = Launcher.run("video", "frames",
                PipelineShowEndToEndTest.demoVideo().toString(), "--indices", "0", "--out", uint8.toString());
        assertThat(frames.exitCode()).as(frames.err()).isZero();

        Launcher.Result run = Launcher.run("model", "run", "--input", uint8.toString(), "--output",
                folder.resolve("y.npy").toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains(uint8 + ": expected float32 ('<f4') data, got '|u1'");
    }

    @Test
    void maliciousCheckpointIsRefusedAndNothingRuns() throws Exception {
        Path clip = folder.resolve("clip.npy");
        writeZerosNpy(clip, "(1, 3, 4, 32, 32)", 3 * 4 * 32 * 32);
        Path evil = Launcher.repository().resolve("engine/src/test/resources/checkpoints/malicious_os_system.pth");

        Launcher.Result run = Launcher.run("model", "run", "--input", clip.toString(), "--output",
                folder.resolve("y.npy").toString(), "--checkpoint", evil.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains(evil.toString()).contains("system").doesNotContain("pwned");
        assertThat(folder.resolve("y.npy")).doesNotExist();
    }

    @Test
    void checkpointOfAnotherArchitectureListsEveryMismatch() throws Exception {
        Path clip = folder.resolve("clip.npy");
        writeZerosNpy(clip, "(1, 3, 4, 32, 32)", 3 * 4 * 32 * 32);
        Path tiny = Launcher.repository().resolve("engine/src/test/resources/checkpoints/mmaction2_style.pth");

        Launcher.Result run = Launcher.run("model", "run", "--input", clip.toString(), "--output",
                folder.resolve("y.npy").toString(), "--checkpoint", tiny.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains(tiny.toString()).contains("missing").contains("backbone/layer4.1.conv2.conv.weight");
    }

    /** A float32 .npy of zeros with the given shape, e.g. {@code (1, 3, 4, 32, 32)}. */
    private static void writeZerosNpy(Path file, String shape, int count) throws Exception {
        long[] dims = Arrays.stream(shape.replaceAll("[() ]", "").split(",")).mapToLong(Long::parseLong)
                .toArray();
        NpyFiles.writeFloat32(file, new float[count], dims);
    }

    /** The values of a float32 .npy, after checking its shape, e.g. {@code (1, 400)}. */
    static float[] readFloat32(Path npy, String shape) throws Exception {
        NpyFiles.FloatArray array = NpyFiles.readFloat32(npy);
        assertThat(Arrays.stream(array.shape()).mapToObj(Long::toString)
                .collect(Collectors.joining(", ", "(", ")"))).isEqualTo(shape);
        return array.values();
    }

    private static double[] toDoubles(float[] values) {
        double[] doubles = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            doubles[i] = values[i];
        }
        return doubles;
    }
}
