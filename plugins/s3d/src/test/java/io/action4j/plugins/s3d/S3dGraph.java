package io.action4j.plugins.s3d;

import io.action4j.api.model.Feature;
import io.action4j.api.model.GraphBuilder;
import io.action4j.api.model.TensorShape;
import java.util.Map;
import org.nd4j.autodiff.samediff.NameScope;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The backbone, the head or both built into a fresh graph inside the scopes the model composer
 * uses ({@code backbone/}, {@code cls_head/}), on an input of unknown batch, for tests.
 */
record S3dGraph(SameDiff sameDiff, Feature output) {

    static final String INPUT = "input";

    /** The backbone on clips of {@code channels x t x h x w}. */
    static S3dGraph backbone(S3dConfig config, long channels, long t, long h, long w) {
        return build(0, TensorShape.of(TensorShape.UNKNOWN, channels, t, h, w), config, null);
    }

    /** The head on features of {@code channels x t x h x w}. */
    static S3dGraph head(S3dHeadConfig config, long channels, long t, long h, long w) {
        return build(0, TensorShape.of(TensorShape.UNKNOWN, channels, t, h, w), null, config);
    }

    /** Backbone then head on clips of {@code channels x t x h x w}. */
    static S3dGraph model(S3dConfig backbone, S3dHeadConfig head, long channels, long t, long h, long w) {
        return build(0, TensorShape.of(TensorShape.UNKNOWN, channels, t, h, w), backbone, head);
    }

    private static S3dGraph build(long seed, TensorShape inputShape, S3dConfig backbone, S3dHeadConfig head) {
        SameDiff sd = SameDiff.create();
        GraphBuilder graph = new GraphBuilder(sd, seed);
        Feature x = new Feature(sd.placeHolder(INPUT, DataType.FLOAT, inputShape.dims()), inputShape);
        if (backbone != null) {
            try (NameScope scope = graph.scope("backbone")) {
                x = new S3dBackboneFactory().create(backbone).build(graph, x);
            }
        }
        if (head != null) {
            try (NameScope scope = graph.scope("cls_head")) {
                x = new S3dHeadFactory().create(head).build(graph, x);
            }
        }
        return new S3dGraph(sd, x);
    }

    INDArray run(INDArray input) {
        String name = output.variable().name();
        return sameDiff.output(Map.of(INPUT, input), name).get(name);
    }

    /** Total elements of the graph's variables of {@code type} (VARIABLE: parameters, CONSTANT: running statistics). */
    long elementsOf(VariableType type) {
        return sameDiff.variables().stream()
                .filter(v -> v.getVariableType() == type)
                .mapToLong(v -> v.getArr().length())
                .sum();
    }

    /** The values of a parameter or buffer by its full graph name, e.g. {@code backbone/features.2.0.weight}. */
    INDArray parameter(String name) {
        SDVariable variable = sameDiff.getVariable(name);
        if (variable == null) {
            throw new AssertionError("no variable " + name);
        }
        return variable.getArr();
    }
}
