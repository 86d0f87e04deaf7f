package io.action4j.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import io.action4j.engine.data.NpyFiles;
import io.action4j.testing.ParityFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An MMAction2 BMN checkpoint through {@code model run --checkpoint}: the small BMN of the
 * localization module's parity fixture, saved by MMAction2's own BMN as a {@code .pth}, loads by its
 * keys (the mapping found from them) and gives MMAction2's outputs; a config of another temporal
 * length is refused naming both shapes, before anything runs.
 */
class BmnCheckpointEndToEndTest {

    @TempDir
    Path folder;

    private ParityFixture fixture;
    private Path checkpoint;
    private Path features;

    @BeforeEach
    void writeInputs() throws Exception {
        Path parity = Launcher.repository().resolve("localization/src/test/resources/parity");
        fixture = ParityFixture.file(parity, "bmn");
        checkpoint = parity.resolve("bmn_small.pth");
        INDArray x = fixture.tensor("features");
        features = folder.resolve("features.npy");
        NpyFiles.writeFloat32(features, x.data().asFloat(), x.shape());
    }

    private Path config(int temporalDim) throws Exception {
        return Files.writeString(folder.resolve("bmn_" + temporalDim + ".yaml"), """
                model:
                  locHead:
                    type: bmn
                    temporalDim: %d
                    numSamples: 8
                    featDim: 32
                    hiddenDim1d: 16
                    hiddenDim2d: 8
                    hiddenDim3d: 16
                """.formatted(temporalDim));
    }

    @Test
    void anMmaction2CheckpointLoadsByItsKeysAndGivesItsOutputs() throws Exception {
        Path output = folder.resolve("confidence.npy");

        Launcher.Result result = Launcher.run("model", "run", config(16).toString(), "--checkpoint",
                checkpoint.toString(), "--input", features.toString(), "--output", output.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("(mmaction2_bmn mapping): loaded 26, missing 0, unexpected 0")
                .contains("confidence_map float32 2x2x16x16");
        NpyFiles.FloatArray written = NpyFiles.readFloat32(output);
        float[] expected = fixture.tensor("confidence_map").data().asFloat();
        float largest = 0;
        for (int i = 0; i < expected.length; i++) {
            largest = Math.max(largest, Math.abs(written.values()[i] - expected[i]));
        }
        assertThat(largest).isLessThan(1e-5f);
    }

    @Test
    void aCheckpointOfAnotherTemporalLengthIsRefusedNamingBothShapes() throws Exception {
        INDArray shorter = fixture.tensor("features").get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
                org.nd4j.linalg.indexing.NDArrayIndex.all(), org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 8)).dup();
        Path input = folder.resolve("short.npy");
        NpyFiles.writeFloat32(input, shorter.data().asFloat(), shorter.shape());

        Launcher.Result result = Launcher.run("model", "run", config(8).toString(), "--checkpoint",
                checkpoint.toString(), "--input", input.toString(), "--output", folder.resolve("x.npy").toString());

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.err()).contains("nothing was loaded")
                .contains("bm_mask -> loc_head/bmn.bm_mask: checkpoint [16, 16]").contains("graph [8, 8]")
                .contains("sample_mask -> loc_head/bmn.sample_mask: checkpoint [16, 2048]");
        assertThat(folder.resolve("x.npy")).doesNotExist();
    }
}
