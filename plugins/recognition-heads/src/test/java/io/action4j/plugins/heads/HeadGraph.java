package io.action4j.plugins.heads;

import io.action4j.api.model.Feature;
import io.action4j.api.model.GraphBuilder;
import io.action4j.api.model.RecognitionHead;
import io.action4j.api.model.TensorShape;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A recognition head built into a fresh graph under the {@code cls_head} scope, for tests. */
record HeadGraph(SameDiff sameDiff, Feature output) {

    static final String FEATURES = "features";

    /** Parameters carry the scope the head is built in, as MMAction2's state-dict keys do. */
    static final String PARAMETER_SCOPE = "cls_head/";

    /** Builds an I3D head for features of {@code dims} after the batch, which is left unknown. */
    static HeadGraph buildWithSeed(I3dHeadConfig config, long seed, long... dims) {
        return build(new I3dHeadFactory().create(config), seed, dims);
    }

    /** Builds {@code head} for features of {@code dims} after the batch, which is left unknown. */
    static HeadGraph build(RecognitionHead head, long seed, long... dims) {
        SameDiff sd = SameDiff.create();
        GraphBuilder graph = new GraphBuilder(sd, seed);
        long[] shape = new long[dims.length + 1];
        shape[0] = TensorShape.UNKNOWN;
        System.arraycopy(dims, 0, shape, 1, dims.length);
        TensorShape declared = TensorShape.of(shape);
        Feature features = new Feature(sd.placeHolder(FEATURES, DataType.FLOAT, shape), declared);
        Feature output;
        try (var scope = graph.scope("cls_head")) {
            output = head.build(graph, features);
        }
        return new HeadGraph(sd, output);
    }

    /** Builds a head with seed 0 for features of {@code dims} after the batch. */
    static HeadGraph build(I3dHeadConfig config, long... dims) {
        return buildWithSeed(config, 0, dims);
    }

    INDArray run(INDArray features) {
        String name = output.variable().name();
        return sameDiff.output(Map.of(FEATURES, features), name).get(name);
    }

    /** The values of the parameter {@code localName}, e.g. {@code fc_cls.weight}. */
    INDArray parameter(String localName) {
        SDVariable variable = sameDiff.getVariable(PARAMETER_SCOPE + localName);
        if (variable == null) {
            throw new AssertionError("no variable " + PARAMETER_SCOPE + localName);
        }
        return variable.getArr();
    }

    long trainableParameters() {
        return sameDiff.variables().stream()
                .filter(v -> v.getVariableType() == VariableType.VARIABLE)
                .mapToLong(v -> v.getArr().length())
                .sum();
    }
}
