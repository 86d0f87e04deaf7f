package io.action4j.engine.checkpoint;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.action4j.api.model.TensorShape;
import io.action4j.engine.config.ExperimentConfig;
import io.action4j.engine.model.ComposedModel;
import io.action4j.engine.model.ModelComposer;
import io.action4j.registry.PluginLoader;
import io.action4j.registry.PluginRegistry;
import io.action4j.registry.config.ConfigBinder;
import io.action4j.registry.config.ConfigLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The files written by {@code checkpoints/make_checkpoints.py}, the values it expects, and the tiny models. */
final class Fixtures {

    /** tiny3d (width 4, kernel 1x3x3) + tiny_cls (3 classes), as the script's MMAction2-style checkpoint. */
    static final String TINY_MODEL_YAML = "model:\n  backbone:\n    type: tiny3d\n  clsHead:\n    type: tiny_cls\n";
    static final TensorShape CLIP = TensorShape.of(2, 3, 4, 8, 8);

    private static final JsonNode EXPECTED = readExpected();
    private static final PluginRegistry REGISTRY = PluginLoader.load(Fixtures.class.getClassLoader(), List.of());

    private Fixtures() {
    }

    static Path file(String name) {
        URL url = Fixtures.class.getResource("/checkpoints/" + name);
        if (url == null) {
            throw new IllegalStateException("fixture " + name + " is missing: run make_checkpoints.py");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode expected(String section) {
        return EXPECTED.get(section);
    }

    static float[] floats(JsonNode array) {
        float[] values = new float[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) array.get(i).asDouble();
        }
        return values;
    }

    static long[] longs(JsonNode array) {
        long[] values = new long[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).asLong();
        }
        return values;
    }

    /** The script's deterministic clip: {@code ((i * 37) % 101) / 101 - 0.5} in float32. */
    static INDArray clip() {
        float[] values = new float[2 * 3 * 4 * 8 * 8];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (((i * 37) % 101) / 101.0 - 0.5);
        }
        return Nd4j.create(values, CLIP.dims(), 'c');
    }

    static ComposedModel tinyModel(long seed) {
        ExperimentConfig config = new ConfigBinder(REGISTRY).bind(new ConfigLoader().parse(TINY_MODEL_YAML, "test"),
                ExperimentConfig.class);
        return ModelComposer.compose(config.model(), CLIP, seed);
    }

    private static JsonNode readExpected() {
        try {
            // The script writes float16 infinity as the JavaScript token Infinity.
            return JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build()
                    .readTree(file("expected.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
