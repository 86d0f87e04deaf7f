package io.action4j.plugins.csn;

import io.action4j.api.model.Feature;
import io.action4j.api.model.GraphBuilder;
import io.action4j.api.model.TensorShape;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A CSN backbone built into a fresh graph under the {@code backbone} scope, for tests. */
record BackboneGraph(SameDiff sameDiff, GraphBuilder builder, Feature output) {

    static final String INPUT = "input";

    /** Parameters carry the scope the backbone is built in, as MMAction2's state-dict keys do. */
    static final String PARAMETER_SCOPE = "backbone/";

    /** Builds {@code config} on an input of {@code channels x t x h x w} with an unknown batch. */
    static BackboneGraph build(CsnConfig config, long channels, long t, long h, long w) {
        SameDiff sd = SameDiff.create();
        GraphBuilder graph = new GraphBuilder(sd, 0);
        TensorShape shape = TensorShape.of(TensorShape.UNKNOWN, channels, t, h, w);
        Feature input = new Feature(sd.placeHolder(INPUT, DataType.FLOAT, shape.dims()), shape);
        Feature output;
        try (var scope = graph.scope("backbone")) {
            output = new CsnBackboneFactory().create(config).build(graph, input);
        }
        return new BackboneGraph(sd, graph, output);
    }

    INDArray run(INDArray input) {
        return sameDiff.output(Map.of(INPUT, input), output.variable().name()).get(output.variable().name());
    }

    /** Total elements of the graph's variables of {@code type}. */
    long elementsOf(VariableType type) {
        return sameDiff.variables().stream()
                .filter(v -> v.getVariableType() == type)
                .mapToLong(v -> v.getArr().length())
                .sum();
    }

    /** The parameter or buffer {@code localName}, e.g. {@code layer1.0.conv2.0.conv.weight}. */
    INDArray parameter(String localName) {
        SDVariable variable = sameDiff.getVariable(PARAMETER_SCOPE + localName);
        if (variable == null) {
            throw new AssertionError("no variable " + PARAMETER_SCOPE + localName);
        }
        return variable.getArr();
    }

    boolean hasParameter(String localName) {
        return sameDiff.hasVariable(PARAMETER_SCOPE + localName);
    }
}
