package io.action4j.plugins.resnet2d;

import io.action4j.api.model.Feature;
import io.action4j.api.model.GraphBuilder;
import io.action4j.api.model.TensorShape;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A ResNet2D backbone built into a fresh graph under the {@code backbone} scope, for tests. */
record BackboneGraph(SameDiff sameDiff, Feature output) {

    static final String INPUT = "input";

    /** Parameters carry the scope the backbone is built in, as MMAction2's state-dict keys do. */
    static final String PARAMETER_SCOPE = "backbone/";

    /** Builds {@code config} on a clip of {@code channels x t x h x w} with an unknown batch. */
    static BackboneGraph build(ResNet2dConfig config, long channels, long t, long h, long w) {
        SameDiff sd = SameDiff.create();
        GraphBuilder graph = new GraphBuilder(sd, 0);
        TensorShape shape = TensorShape.of(TensorShape.UNKNOWN, channels, t, h, w);
        Feature input = new Feature(sd.placeHolder(INPUT, DataType.FLOAT, shape.dims()), shape);
        Feature output;
        try (var scope = graph.scope("backbone")) {
            output = new ResNet2dBackboneFactory().create(config).build(graph, input);
        }
        return new BackboneGraph(sd, output);
    }

    /** Builds {@code config} on an RGB clip of {@code t x h x w}. */
    static BackboneGraph build(ResNet2dConfig config, long t, long h, long w) {
        return build(config, 3, t, h, w);
    }

    INDArray run(INDArray input) {
        return run(input, output.variable().name());
    }

    /** The value of any graph variable, e.g. {@code backbone/layer2.0.conv1.relu}. */
    INDArray run(INDArray input, String variable) {
        return sameDiff.output(Map.of(INPUT, input), variable).get(variable);
    }

    /** Total elements of the graph's trainable parameters. */
    long trainableParameters() {
        return sameDiff.variables().stream()
                .filter(v -> v.getVariableType() == VariableType.VARIABLE)
                .mapToLong(v -> v.getArr().length())
                .sum();
    }

    boolean hasParameter(String localName) {
        return sameDiff.hasVariable(PARAMETER_SCOPE + localName);
    }

    /** The values of the parameter or buffer {@code localName}, e.g. {@code conv1.bn.running_mean}. */
    INDArray parameter(String localName) {
        SDVariable variable = sameDiff.getVariable(PARAMETER_SCOPE + localName);
        if (variable == null) {
            throw new AssertionError("no variable " + PARAMETER_SCOPE + localName);
        }
        return variable.getArr();
    }
}
