package io.action4j.engine.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.action4j.engine.model.TensorBudget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A checkpoint is checked against the memory its tensors need before it is read. */
class CheckpointFilesTest {

    @Test
    void aCheckpointLargerThanTheBudgetIsRefusedBeforeItIsReadNamingItAndItsBytes(@TempDir Path folder) {
        Path file = folder.resolve("weights.safetensors");
        Safetensors.write(file, Map.of("w", new TensorData("w", new long[] {10, 100}, new float[1000])), Map.of());
        long size = file.toFile().length();
        String before = System.getProperty(TensorBudget.PROPERTY);
        System.setProperty(TensorBudget.PROPERTY, "3000");
        try {
            assertThatThrownBy(() -> CheckpointFiles.read(file)).isInstanceOf(CheckpointException.class)
                    .hasMessageStartingWith(file + ": a checkpoint of " + size + " bytes, whose tensors are all held")
                    .hasMessageContaining("more than the limit action4j.maxTensorBytes");
        } finally {
            if (before == null) {
                System.clearProperty(TensorBudget.PROPERTY);
            } else {
                System.setProperty(TensorBudget.PROPERTY, before);
            }
        }
        assertThat(CheckpointFiles.read(file).tensors().get("w").values()).hasSize(1000);
    }

    @Test
    void aMissingCheckpointIsNamedWithoutJavasExceptionNames(@TempDir Path folder) {
        Path missing = folder.resolve("nowhere.pth");
        assertThatThrownBy(() -> CheckpointFiles.read(missing)).isInstanceOf(CheckpointException.class)
                .hasMessageStartingWith(missing.toString()).hasMessageNotContaining("Exception");
        assertThat(Files.exists(missing)).isFalse();
    }
}
