package io.action4j.engine.model;

import io.action4j.api.model.TensorShape;
import java.util.List;
import java.util.Map;

/**
 * What a model is for one input: its layers as executed, parameter counts and compute.
 *
 * @param layers every executed op, in execution order
 * @param parameters trainable values (PyTorch's {@code numel} over {@code parameters()})
 * @param buffers non-trainable values (batch-norm running statistics)
 * @param macs multiply-accumulates of convolutions and matrix products for the whole input batch
 * @param inputs input name to the shape summarised
 * @param outputs output name to the shape produced
 */
public record ModelSummary(List<LayerSummary> layers, long parameters, long buffers, long macs,
                           Map<String, TensorShape> inputs, Map<String, TensorShape> outputs) {

    public ModelSummary {
        layers = List.copyOf(layers);
        inputs = Map.copyOf(inputs);
        outputs = Map.copyOf(outputs);
    }

    /** Floating-point operations: two per multiply-accumulate, as peak FLOP/s figures count them. */
    public long flops() {
        return 2 * macs;
    }
}
