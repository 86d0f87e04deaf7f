package io.action4j.engine.model;

import io.action4j.api.model.Feature;
import io.action4j.api.model.TensorShape;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nd4j.autodiff.listeners.At;
import org.nd4j.autodiff.listeners.BaseListener;
import org.nd4j.autodiff.listeners.Listener;
import org.nd4j.autodiff.listeners.Operation;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Summarises a {@link ComposedModel} by running it once on zeros and recording, op by op, the
 * shape produced and the multiply-accumulates of convolutions and matrix products. Running the
 * graph (rather than predicting shapes) shows what ND4J actually computes, for any plugin.
 */
public final class ModelSummarizer {

    private ModelSummarizer() {
    }

    /** @param inputShapes a fully known shape for each model input */
    public static ModelSummary summarize(ComposedModel model, Map<String, TensorShape> inputShapes) {
        Map<String, INDArray> inputs = new LinkedHashMap<>();
        for (Map.Entry<String, Feature> input : model.inputs().entrySet()) {
            TensorShape shape = inputShapes.get(input.getKey());
            if (shape == null || !shape.isFullyKnown()) {
                throw new IllegalArgumentException("summary needs a fully known shape for input '" + input.getKey()
                        + "', got " + shape);
            }
            inputs.put(input.getValue().variable().name(), exampleInput(input.getKey(), shape, inputShapes));
        }
        SameDiff sameDiff = model.sameDiff();
        Recorder recorder = new Recorder(sameDiff);
        String[] outputs = model.outputs().values().stream().map(f -> f.variable().name()).toArray(String[]::new);
        Map<String, INDArray> produced = sameDiff.output(inputs, List.<Listener>of(recorder), outputs);

        long parameters = 0;
        long buffers = 0;
        for (SDVariable variable : sameDiff.variables()) {
            if (variable.getVariableType() == VariableType.VARIABLE) {
                parameters += variable.getArr().length();
            } else if (variable.getVariableType() == VariableType.CONSTANT) {
                buffers += variable.getArr().length();
            }
        }
        Map<String, TensorShape> outputShapes = new LinkedHashMap<>();
        model.outputs().forEach((name, feature) -> outputShapes.put(name, TensorShape.of(produced.get(feature.variable().name()).shape())));
        long macs = recorder.layers.stream().mapToLong(LayerSummary::macs).sum();
        return new ModelSummary(recorder.layers, parameters, buffers, macs, inputShapes, outputShapes);
    }

    /** Zeros for tensors; for detection boxes, one whole-frame box per clip. */
    private static INDArray exampleInput(String name, TensorShape shape, Map<String, TensorShape> inputShapes) {
        if (!name.equals(ModelComposer.ROIS)) {
            return Nd4j.zeros(shape.dims());
        }
        TensorShape clip = inputShapes.get(ModelComposer.INPUT);
        long rois = shape.dim(0);
        INDArray boxes = Nd4j.zeros(shape.dims());
        for (long r = 0; r < rois; r++) {
            boxes.putScalar(new long[] {r, 0}, r % clip.dim(0));
            boxes.putScalar(new long[] {r, 3}, clip.dim(4) - 1);
            boxes.putScalar(new long[] {r, 4}, clip.dim(3) - 1);
        }
        return boxes;
    }

    /** Counts multiply-accumulates of one op from its input and output shapes. */
    static long macs(String op, List<long[]> inputShapes, long[] outputShape) {
        long outputs = 1;
        for (long dim : outputShape) {
            outputs *= dim;
        }
        return switch (op) {
            // weights [kD, kH, kW, inC, outC]
            case "conv3dnew" -> inputShapes.size() < 2 ? 0 : outputs * product(inputShapes.get(1), 0, 4);
            // weights [kH, kW, inC, outC]
            case "conv2d" -> inputShapes.size() < 2 ? 0 : outputs * product(inputShapes.get(1), 0, 3);
            // weights [kH, kW, inC, multiplier]: each output sees one input channel
            case "depthwise_conv2d" -> inputShapes.size() < 2 ? 0 : outputs * product(inputShapes.get(1), 0, 2);
            // x [N, in] times w [in, out]
            case "xw_plus_b" -> inputShapes.size() < 2 ? 0 : outputs * inputShapes.get(1)[0];
            case "matmul", "mmul", "batched_gemm" -> outputs * sharedDimension(inputShapes.get(0), outputShape);
            default -> 0;
        };
    }

    private static long product(long[] shape, int from, int to) {
        long product = 1;
        for (int i = from; i < to; i++) {
            product *= shape[i];
        }
        return product;
    }

    /** The summed-over size of a product whose first operand is {@code a}: the side of a not in the output. */
    private static long sharedDimension(long[] a, long[] output) {
        if (a.length < 2 || output.length < 2) {
            return 1;
        }
        long rows = output[output.length - 2];
        long aRows = a[a.length - 2];
        long aCols = a[a.length - 1];
        return aRows == rows ? aCols : aRows;
    }

    private static final class Recorder extends BaseListener {

        private final SameDiff sameDiff;
        private final List<LayerSummary> layers = new ArrayList<>();
        private final Set<String> counted = new HashSet<>();

        Recorder(SameDiff sameDiff) {
            this.sameDiff = sameDiff;
        }

        @Override
        public boolean isActive(Operation operation) {
            return true;
        }

        @Override
        public void opExecution(SameDiff sd, At at, MultiDataSet batch, SameDiffOp op, OpContext context,
                                INDArray[] outputs) {
            if (outputs == null || outputs.length == 0 || outputs[0] == null) {
                return;
            }
            List<long[]> inputShapes = new ArrayList<>();
            long parameters = 0;
            List<String> inputNames = op.getInputsToOp() == null ? List.of() : op.getInputsToOp();
            for (String input : inputNames) {
                SDVariable variable = sameDiff.getVariable(input);
                INDArray array = variable == null ? null : variable.getArr();
                if (variable != null && variable.getVariableType() == VariableType.VARIABLE && counted.add(input)) {
                    parameters += array.length();
                }
            }
            if (context != null && context.getInputArrays() != null) {
                for (INDArray array : context.getInputArrays()) {
                    inputShapes.add(array == null ? new long[0] : array.shape());
                }
            }
            String opName = op.getOp().opName();
            String name = op.getOutputsOfOp() == null || op.getOutputsOfOp().isEmpty() ? op.getName() : op.getOutputsOfOp().get(0);
            long[] shape = outputs[0].shape();
            layers.add(new LayerSummary(name, opName, TensorShape.of(shape), parameters, macs(opName, inputShapes, shape)));
        }
    }
}
