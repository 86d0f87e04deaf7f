package io.action4j.engine.model;

import io.action4j.api.model.TensorShape;
import io.action4j.engine.config.ExperimentConfig;
import io.action4j.engine.config.ModelConfig;
import io.action4j.registry.PluginLoader;
import io.action4j.registry.PluginRegistry;
import io.action4j.registry.config.ConfigBinder;
import io.action4j.registry.config.ConfigLoader;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Model configs of the fake components, bound as a user's config would be. */
final class TestModels {

    static final String TINY3D = "  backbone:\n    type: tiny3d\n";
    static final String TINY_CLS = "  clsHead:\n    type: tiny_cls\n";
    static final String TINY_LOC = "  locHead:\n    type: tiny_loc\n";
    static final String TINY_ROI = "  roiHead:\n    type: tiny_roi\n";

    /** Recognition input: batch 2, RGB, 4 frames of 8x8. */
    static final TensorShape CLIP = TensorShape.of(2, 3, 4, 8, 8);

    private static final PluginRegistry REGISTRY = PluginLoader.load(TestModels.class.getClassLoader(), List.of());

    private TestModels() {
    }

    /** @param sections the lines under {@code model:}, e.g. {@link #TINY3D} + {@link #TINY_CLS} */
    static ModelConfig model(String... sections) {
        String yaml = "model:\n" + String.join("", sections);
        return new ConfigBinder(REGISTRY).bind(new ConfigLoader().parse(yaml, "test"),
                ExperimentConfig.class).model();
    }

    static INDArray randomClip() {
        return Nd4j.rand(DataType.FLOAT, CLIP.dims());
    }

    static ComposedModel recognition() {
        return ModelComposer.compose(model(TINY3D, TINY_CLS), CLIP, 7);
    }
}
