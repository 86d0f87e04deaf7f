package io.action4j.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.action4j.api.flow.FlowField;
import io.action4j.api.flow.FlowQuantization;
import io.action4j.api.video.VideoFrame;
import io.action4j.api.video.VideoReader;
import io.action4j.engine.data.VideoReaders;
import io.action4j.engine.flow.FlowFrameFiles;
import io.action4j.registry.PluginLoader;
import io.action4j.registry.PluginRegistry;
import io.action4j.registry.config.ConfigBinder;
import io.action4j.registry.config.ConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Flow frames stored as TSN and MMAction2 store them, and read back: MMAction2's own flow frames
 * ({@code tests/data/imgs/x_0000N.jpg}, {@code y_0000N.jpg}, 320x240, made by its tools) go through the
 * {@code rawframes} reader (the one reader of flow folders) into displacements with 128 as zero
 * ({@link FlowQuantization}), and through {@link FlowFrameFiles}' JPEG writer back into files that the reader reads
 * as they were, within what JPEG re-encoding changes.
 */
class FlowStorageEndToEndTest {

    static final double BOUND = FlowQuantization.DEFAULT_BOUND;

    @Test
    void mmaction2sFlowFramesSurviveBeingReadQuantizedWrittenAndReadAgain(@TempDir Path temporary) throws Exception {
        Path fixture = Launcher.repository().resolveSibling("shared").resolve("fixtures/mmaction2/tests/data/imgs");
        assumeTrue(Files.isRegularFile(fixture.resolve("x_00001.jpg")), "missing fixture " + fixture
                + " (the ../shared checkout); skipping");
        List<VideoFrame> original = readFlowFolder(fixture);
        assertThat(original).hasSize(5);
        assertThat(original.get(0).width()).isEqualTo(320);
        assertThat(original.get(0).channels()).isEqualTo(2);

        int largestJpegError = 0;
        int largestLevelChange = 0;
        for (VideoFrame frame : original) {
            FlowField field = FlowQuantization.field(frame, BOUND);
            for (int i = 0; i < frame.width() * frame.height(); i++) {
                int xLevel = frame.pixels()[2 * i] & 0xff;
                // 128 means no motion, each level one step of 2 * bound / 255 pixels from its neighbours.
                assertThat(field.values()[i]).isEqualTo((float) ((xLevel - 128) * 40.0 / 255));
            }
            byte[][] levels = FlowQuantization.levels(field, BOUND);
            for (int i = 0; i < levels[0].length; i++) {
                largestLevelChange = Math.max(largestLevelChange,
                        Math.abs((levels[0][i] & 0xff) - (frame.pixels()[2 * i] & 0xff)));
                largestLevelChange = Math.max(largestLevelChange,
                        Math.abs((levels[1][i] & 0xff) - (frame.pixels()[2 * i + 1] & 0xff)));
            }
            // Stored as they were read: the round trip is the files' (quantizing again is checked above).
            byte[] x = new byte[frame.width() * frame.height()];
            byte[] y = new byte[x.length];
            for (int i = 0; i < x.length; i++) {
                x[i] = frame.pixels()[2 * i];
                y[i] = frame.pixels()[2 * i + 1];
            }
            int pair = frame.index();
            FlowFrameFiles.writeGreyJpeg(temporary.resolve(FlowFrameFiles.name('x', pair, false)), x,
                    frame.width(), frame.height());
            FlowFrameFiles.writeGreyJpeg(temporary.resolve(FlowFrameFiles.name('y', pair, false)), y,
                    frame.width(), frame.height());
        }
        List<VideoFrame> again = readFlowFolder(temporary);
        assertThat(again).hasSize(original.size());
        long differing = 0;
        for (int f = 0; f < original.size(); f++) {
            byte[] before = original.get(f).pixels();
            byte[] after = again.get(f).pixels();
            for (int i = 0; i < before.length; i++) {
                int error = Math.abs((before[i] & 0xff) - (after[i] & 0xff));
                largestJpegError = Math.max(largestJpegError, error);
                differing += error > 0 ? 1 : 0;
            }
        }
        System.out.printf("flow storage round trip: levels moved by at most %d by reading back and quantizing again; "
                + "written as JPEG (quality %d) and read again, at most %d levels off, %.2f%% of values changed%n", largestLevelChange,
                FlowFrameFiles.JPEG_QUALITY, largestJpegError, 100.0 * differing / (5 * 320 * 240 * 2));
        // Reading 128 as zero puts a stored level half a step below the value it was quantized from, so storing
        // it again rounds the odd levels down by one: never more.
        assertThat(largestLevelChange).isLessThanOrEqualTo(1);
        assertThat(largestJpegError).isLessThanOrEqualTo(1);
        assertThat(differing).isLessThan(5 * 320 * 240 * 2 / 20);
    }

    static List<VideoFrame> readFlowFolder(Path folder) throws Exception {
        PluginRegistry registry = PluginLoader.load(FlowStorageEndToEndTest.class.getClassLoader(), List.of());
        VideoReaders readers = new VideoReaders(new ConfigLoader(), new ConfigBinder(registry), "rawframes",
                List.of("modality=flow"));
        try (VideoReader reader = readers.decoderFor(folder).open(folder)) {
            int count = reader.metadata().frameCount();
            int[] indices = new int[count];
            for (int i = 0; i < count; i++) {
                indices[i] = reader.metadata().startIndex() + i;
            }
            return reader.read(indices);
        }
    }
}
