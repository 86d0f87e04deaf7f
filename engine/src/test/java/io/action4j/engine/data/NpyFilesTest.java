package io.action4j.engine.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.action4j.engine.model.TensorBudget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A {@code .npy} file is checked against the memory it needs before it is read. */
class NpyFilesTest {

    @Test
    void aFileTooLargeForTheBudgetIsRefusedBeforeItIsReadNamingItAndItsBytes(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("features.npy");
        NpyFiles.writeFloat32(file, new float[1000], 10, 100);
        long size = Files.size(file);
        String before = System.getProperty(TensorBudget.PROPERTY);
        System.setProperty(TensorBudget.PROPERTY, "6000");
        try {
            assertThatThrownBy(() -> NpyFiles.readFloat32(file)).isInstanceOf(IOException.class)
                    .hasMessageStartingWith(file + ": a .npy file of " + size + " bytes, held twice while read")
                    .hasMessageContaining("more than the limit action4j.maxTensorBytes")
                    .hasMessageContaining("use a smaller array");
        } finally {
            if (before == null) {
                System.clearProperty(TensorBudget.PROPERTY);
            } else {
                System.setProperty(TensorBudget.PROPERTY, before);
            }
        }
        assertThat(NpyFiles.readFloat32(file).shape()).containsExactly(10, 100);
    }

    @Test
    void aFileBeyondOneJavaArrayIsRefused(@TempDir Path folder) {
        Path file = folder.resolve("huge.npy");
        String before = System.getProperty(TensorBudget.PROPERTY);
        System.setProperty(TensorBudget.PROPERTY, Long.toString(1L << 40));
        try {
            assertThatThrownBy(() -> NpyFiles.checkFits(file, 3L << 30, TensorBudget.ofThisMachine()))
                    .isInstanceOf(IOException.class).hasMessage(file + ": a .npy file of 3221225472 bytes; this reader "
                            + "takes up to 2 GB (one Java array): split the array");
        } finally {
            if (before == null) {
                System.clearProperty(TensorBudget.PROPERTY);
            } else {
                System.setProperty(TensorBudget.PROPERTY, before);
            }
        }
    }
}
