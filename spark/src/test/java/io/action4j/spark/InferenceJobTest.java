package io.action4j.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Jobs are made on the driver and read on executors, whose working folders are their own. */
class InferenceJobTest {

    @Test
    void relativeModelFilesBecomeAbsoluteWhereTheJobIsMade() {
        RecognitionJob job = RecognitionJob.of("configs/r3d.yaml", "weights/r3d.safetensors", "/data/classes.txt");

        assertThat(job.config()).isEqualTo(Path.of("configs/r3d.yaml").toAbsolutePath().toString());
        assertThat(job.checkpoint()).isEqualTo(Path.of("weights/r3d.safetensors").toAbsolutePath().toString());
        assertThat(job.labels()).isEqualTo("/data/classes.txt");
        assertThat(LocalizationJob.of("bmn.yaml", null).checkpoint()).isNull();
        assertThat(DetectionJob.of("/m/ava.yaml", null, "/m/labels.pbtxt", "nanodet").boxes()).isEqualTo("nanodet");
    }

    @Test
    void aJobWithoutItsFilesIsRefused() {
        assertThatThrownBy(() -> RecognitionJob.of(" ", null, "classes.txt")).hasMessage("a config is required");
        assertThatThrownBy(() -> RecognitionJob.of("c.yaml", null, "classes.txt").withTopK(0))
                .hasMessage("topK must be at least 1, got 0");
        assertThatThrownBy(() -> RecognitionJob.of("c.yaml", null, "classes.txt").withWindows("2s", null))
                .hasMessage("a window needs a stride and a stride a window");
    }
}
