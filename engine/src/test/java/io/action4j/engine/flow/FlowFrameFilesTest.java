package io.action4j.engine.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlowFrameFilesTest {

    @Test
    void namesFollowTsnsLayout() {
        assertThat(FlowFrameFiles.name('x', 1, false)).isEqualTo("x_00001.jpg");
        assertThat(FlowFrameFiles.name('y', 123, false)).isEqualTo("y_00123.jpg");
        assertThat(FlowFrameFiles.name('x', 7, true)).isEqualTo("backward_x_00007.jpg");
    }

    @Test
    void aGreyJpegReadsBackCloseToItsLevels(@TempDir Path folder) throws IOException {
        // Smooth levels around 128, as flow is: JPEG keeps them within a few levels.
        int width = 64;
        int height = 48;
        byte[] levels = new byte[width * height];
        Random random = new Random(3);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                levels[y * width + x] = (byte) (128 + (int) (20 * Math.sin(x / 9.0) * Math.cos(y / 7.0))
                        + random.nextInt(2));
            }
        }
        Path file = folder.resolve("x_00001.jpg");
        FlowFrameFiles.writeGreyJpeg(file, levels, width, height);
        byte[] back = FlowFrameFiles.readGreyJpeg(file);
        int largest = 0;
        for (int i = 0; i < levels.length; i++) {
            largest = Math.max(largest, Math.abs((levels[i] & 0xff) - (back[i] & 0xff)));
        }
        assertThat(back).hasSize(levels.length);
        assertThat(largest).isBetween(1, 3);
        assertThat(Files.newInputStream(file).readNBytes(2)).containsExactly(0xff, 0xd8);
    }

    @Test
    void aFailedWriteLeavesNoFileBehind(@TempDir Path folder) {
        Path missing = folder.resolve("no-such-folder").resolve("x_00001.jpg");
        assertThatThrownBy(() -> FlowFrameFiles.writeGreyJpeg(missing, new byte[4], 2, 2))
                .isInstanceOf(IOException.class).hasMessageContaining("no-such-folder");
        assertThat(folder.toFile().list()).isEmpty();
    }
}
