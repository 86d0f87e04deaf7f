package io.action4j.engine.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.action4j.engine.model.ComposedModel;
import io.action4j.engine.model.ModelComposer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.ndarray.INDArray;

class ModelCheckpointTest {

    @Test
    void roundTripIsBitIdenticalAndKeepsTheConfig(@TempDir Path directory) throws Exception {
        Path path = directory.resolve("nested/model.safetensors");
        try (ComposedModel saved = Fixtures.tinyModel(7); ComposedModel restored = Fixtures.tinyModel(99)) {
            // Batch-norm statistics are constants; give them values their defaults would not have.
            saved.sameDiff().getVariable("backbone/bn.running_var").getArr().assign(0.25);
            ModelCheckpoint.save(path, saved, Fixtures.TINY_MODEL_YAML);

            ModelCheckpoint.Contents contents = ModelCheckpoint.load(path);
            LoadReport report = contents.loadInto(restored);

            assertThat(contents.config()).isEqualTo(Fixtures.TINY_MODEL_YAML);
            assertThat(report.complete()).isTrue();
            for (SDVariable variable : saved.sameDiff().variables()) {
                if (variable.getVariableType() == VariableType.VARIABLE || variable.getVariableType() == VariableType.CONSTANT) {
                    INDArray original = variable.getArr();
                    INDArray copy = restored.sameDiff().getVariable(variable.name()).getArr();
                    assertThat(copy.shape()).as(variable.name()).containsExactly(original.shape());
                    assertThat(copy.dup().data().asInt()).as(variable.name()).containsExactly(original.dup().data().asInt());
                }
            }
            Map<String, INDArray> input = Map.of(ModelComposer.INPUT, Fixtures.clip());
            assertThat(restored.run(input).get(ModelComposer.CLS_SCORE)).isEqualTo(saved.run(input).get(ModelComposer.CLS_SCORE));
        }
        try (Stream<Path> files = Files.list(path.getParent())) {
            assertThat(files).containsExactly(path); // no temporary file left behind
        }
    }

    @Test
    void savingAgainReplacesTheFile(@TempDir Path directory) {
        Path path = directory.resolve("model.safetensors");
        try (ComposedModel model = Fixtures.tinyModel(7)) {
            ModelCheckpoint.save(path, model, "first");
            ModelCheckpoint.save(path, model, "second");
        }
        assertThat(ModelCheckpoint.load(path).config()).isEqualTo("second");
    }

    @Test
    void aForeignSafetensorsFileIsNotTakenForOne() {
        Path foreign = Fixtures.file("dtypes.safetensors");
        assertThatThrownBy(() -> ModelCheckpoint.load(foreign))
                .isInstanceOf(CheckpointException.class)
                .hasMessageContaining(foreign.toString())
                .hasMessageContaining("not an action4j checkpoint");
    }

    @Test
    void aNewerFormatVersionIsRefused(@TempDir Path directory) {
        Path path = directory.resolve("future.safetensors");
        Safetensors.write(path, Map.of(), Map.of(ModelCheckpoint.FORMAT_KEY, ModelCheckpoint.FORMAT,
                ModelCheckpoint.VERSION_KEY, "2", ModelCheckpoint.CONFIG_KEY, ""));
        assertThatThrownBy(() -> ModelCheckpoint.load(path))
                .isInstanceOf(CheckpointException.class)
                .hasMessageContaining("future.safetensors: checkpoint format version 2 is not supported");
    }
}
