package io.action4j.registry.model;

import io.action4j.api.model.DetectionHead;
import io.action4j.api.model.Feature;
import io.action4j.api.model.LocalizationHead;
import io.action4j.api.model.TensorShape;
import io.action4j.registry.config.ModelConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A model built into one SameDiff graph: its named inputs (placeholders) and outputs, and the
 * head, which decodes localization and detection outputs. Close it to free the parameters'
 * native memory.
 */
public final class ComposedModel implements AutoCloseable {

    private final SameDiff sameDiff;
    private final ModelConfig.Task task;
    private final Map<String, Feature> inputs;
    private final Map<String, Feature> outputs;
    private final Object head;

    ComposedModel(SameDiff sameDiff, ModelConfig.Task task, Map<String, Feature> inputs, Map<String, Feature> outputs,
                  Object head) {
        this.sameDiff = sameDiff;
        this.task = task;
        this.inputs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
        this.outputs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
        this.head = head;
    }

    public SameDiff sameDiff() {
        return sameDiff;
    }

    public ModelConfig.Task task() {
        return task;
    }

    /** Input name to its placeholder and declared shape ({@code ?} where any size is accepted). */
    public Map<String, Feature> inputs() {
        return inputs;
    }

    /** Output name (e.g. {@code cls_score}) to its graph variable and declared shape. */
    public Map<String, Feature> outputs() {
        return outputs;
    }

    public Optional<LocalizationHead> localizationHead() {
        return head instanceof LocalizationHead h ? Optional.of(h) : Optional.empty();
    }

    public Optional<DetectionHead> detectionHead() {
        return head instanceof DetectionHead h ? Optional.of(h) : Optional.empty();
    }

    /** Declared shape of every input, by name. */
    public Map<String, TensorShape> inputShapes() {
        Map<String, TensorShape> shapes = new LinkedHashMap<>();
        inputs.forEach((name, feature) -> shapes.put(name, feature.shape()));
        return shapes;
    }

    /** Runs the graph: input arrays by input name, outputs by output name. */
    public Map<String, INDArray> run(Map<String, INDArray> inputArrays) {
        for (String name : inputs.keySet()) {
            if (!inputArrays.containsKey(name)) {
                throw new IllegalArgumentException("missing model input '" + name + "'; the model takes " + inputs.keySet());
            }
        }
        Map<String, INDArray> placeholders = new LinkedHashMap<>();
        inputs.forEach((name, feature) -> placeholders.put(feature.variable().name(), inputArrays.get(name)));
        String[] graphOutputs = outputs.values().stream().map(f -> f.variable().name()).toArray(String[]::new);
        Map<String, INDArray> raw = sameDiff.output(placeholders, graphOutputs);
        Map<String, INDArray> named = new LinkedHashMap<>();
        outputs.forEach((name, feature) -> named.put(name, raw.get(feature.variable().name())));
        return named;
    }

    @Override
    public void close() {
        for (SDVariable variable : sameDiff.variables()) {
            INDArray array = variable.getArr();
            if (array != null && array.closeable()) {
                array.close();
            }
        }
    }
}
