package io.action4j.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.action4j.engine.checkpoint.Checkpoint;
import io.action4j.engine.checkpoint.CheckpointMismatchException;
import io.action4j.engine.recognition.Recognizer;
import io.action4j.registry.config.ConfigException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code Recognizer.builder()}: what the README's program does not show (overrides, errors). */
class RecognizerBuilderTest {

    private static final Path CONFIG = Launcher.repository().resolve("configs/recognition/synth/r3d-small_synth.yaml");
    private static final Path CHECKPOINT = Launcher.repository()
            .resolve("launcher/src/main/resources/io/action4j/launcher/demo/r3d-small_synth.safetensors");

    @Test
    void overridesApplyAsSetDoes() throws Exception {
        try (Recognizer recognizer = Recognizer.builder().config(CONFIG).set("model.clsHead.numClasses=5").build()) {
            assertThat(recognizer.numClasses()).isEqualTo(5);
        }
    }

    @Test
    void aConfigIsRequired() {
        assertThatThrownBy(() -> Recognizer.builder().checkpoint(CHECKPOINT).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Recognizer.builder(): config(file) is required");
    }

    @Test
    void aBadOverrideNamesItsKey() {
        assertThatThrownBy(() -> Recognizer.builder().config(CONFIG).set("model.clsHead.numClasses=many").build())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("model.clsHead.numClasses");
    }

    @Test
    void aCheckpointThatDoesNotFitIsRefusedOnFirstUseNamingItsTensors() throws Exception {
        try (Recognizer recognizer = Recognizer.builder().config(CONFIG).set("model.clsHead.numClasses=5")
                .checkpoint(Checkpoint.of(CHECKPOINT)).build()) {
            assertThatThrownBy(() -> recognizer.recognize(PipelineShowEndToEndTest.demoVideo()))
                    .isInstanceOf(CheckpointMismatchException.class)
                    .hasMessageContaining("cls_head/fc_cls");
        }
    }
}
