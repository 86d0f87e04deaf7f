package io.action4j.engine.training;

import io.action4j.engine.model.SameDiffGraphBuilder.BatchStatistics;
import io.action4j.engine.model.SameDiffGraphBuilder.DropoutMask;
import io.action4j.api.model.TensorShape;
import io.action4j.engine.config.ModelConfig;
import io.action4j.engine.model.ComposedModel;
import io.action4j.engine.model.ModelComposer;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A model in training form ({@link ModelComposer#composeForTraining}) with a task's loss (its
 * {@link TrainingObjective}): one call computes the loss, the outputs the objective reports, every
 * parameter's gradient and the batch norms' batch statistics in a single forward and backward pass. The parameters are the graph's trainable
 * variables, under the same names as in the inference graph and in checkpoints.
 *
 * <p>Not thread-safe. Close it to free the parameters' native memory.
 */
public final class TrainingGraph implements AutoCloseable {

    /** Per-sample class targets, N x classes: one-hot (or smoothed) for cross entropy, 0/1 for BCE. */
    public static final String TARGETS = "targets";
    public static final String LOSS = "loss";

    private final ComposedModel model;
    private final TrainingObjective objective;
    /** Reported output name -> graph variable name. */
    private final Map<String, String> reported = new LinkedHashMap<>();
    private final List<String> parameterNames;

    /**
     * One forward and backward pass. The arrays are the caller's to keep; the graph reuses none of them.
     *
     * @param outputs the objective's reported outputs, by output name
     */
    public record Pass(double loss, Map<String, INDArray> outputs, Map<String, INDArray> gradients,
                       Map<String, INDArray> batchStatistics, long batchSize) {

        /** A recognition pass's class scores. */
        public INDArray logits() {
            return outputs.get(ModelComposer.CLS_SCORE);
        }
    }

    private TrainingGraph(ComposedModel model, TrainingObjective objective) {
        this.model = model;
        this.objective = objective;
        SameDiff sameDiff = model.sameDiff();
        for (String name : objective.reportedOutputs()) {
            reported.put(name, model.outputs().get(name).variable().name());
        }
        SDVariable lossVariable = objective.buildLoss(sameDiff, model.outputs());
        sameDiff.setLossVariables(lossVariable);
        List<String> names = new ArrayList<>();
        for (SDVariable variable : sameDiff.variables()) {
            if (variable.getVariableType() == VariableType.VARIABLE) {
                names.add(variable.name());
            }
        }
        this.parameterNames = Collections.unmodifiableList(names);
        createGradientGraphQuietly(sameDiff);
    }

    /**
     * Builds the backward graph now. ND4J M2.1 prints a line per differentiated op to System.out
     * while doing so (hundreds for a ResNet), which would bury a command's output: the stream is
     * silenced for the duration.
     */
    private static void createGradientGraphQuietly(SameDiff sameDiff) {
        synchronized (System.class) {
            PrintStream original = System.out;
            System.setOut(new PrintStream(OutputStream.nullOutputStream()));
            try {
                sameDiff.createGradFunction();
            } finally {
                System.setOut(original);
            }
        }
    }

    /**
     * @param inputShape one sample's clip shape, NCTHW (the batch size stays open)
     * @throws io.action4j.api.model.GraphBuildException when a layer does not fit the input
     */
    public static TrainingGraph build(ModelConfig config, TensorShape inputShape, long seed, LossFunction loss) {
        if (!config.tasks().equals(Set.of(ModelConfig.Task.RECOGNITION))) {
            throw new IllegalArgumentException("classification training needs a recognition model (a clsHead and no "
                    + "other head); this one has " + config.tasks());
        }
        return build(config, inputShape, seed, new ClassificationObjective(loss, config.recognitionClasses("training")),
                ModelComposer.Parts.ALL);
    }

    /**
     * @param inputShape one sample's input shape (the batch size stays open)
     * @param parts the model's parts that train
     */
    public static TrainingGraph build(ModelConfig config, TensorShape inputShape, long seed, TrainingObjective objective,
                                      ModelComposer.Parts parts) {
        ComposedModel model = ModelComposer.composeForTraining(config, inputShape, seed, parts);
        try {
            return new TrainingGraph(model, objective);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    public ComposedModel model() {
        return model;
    }

    public TrainingObjective objective() {
        return objective;
    }

    /** The trainable parameters' names, in graph order. */
    public List<String> parameterNames() {
        return parameterNames;
    }

    /** The live parameter arrays by name: an optimizer updates them in place. */
    public Map<String, INDArray> parameters() {
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        for (String name : parameterNames) {
            arrays.put(name, model.sameDiff().getVariable(name).getArr());
        }
        return arrays;
    }

    /**
     * A recognition batch's loss, logits, gradients and batch statistics.
     *
     * @param input clips, N x C x T x H x W
     * @param targets N x classes
     * @param random draws the dropout masks
     */
    public Pass forwardBackward(INDArray input, INDArray targets, RandomGenerator random) {
        long batch = input.size(0);
        if (objective instanceof ClassificationObjective classification && (targets.rank() != 2
                || targets.size(0) != batch || targets.size(1) != classification.numClasses())) {
            throw new IllegalArgumentException("targets must be " + batch + " x " + classification.numClasses()
                    + ", got " + Arrays.toString(targets.shape()));
        }
        return forwardBackward(new TrainingBatch(Map.of(ModelComposer.INPUT, input), Map.of(TARGETS, targets),
                (int) batch), random);
    }

    /**
     * The loss, the objective's reported outputs, the gradients and the batch statistics for one batch.
     *
     * @param random draws the dropout masks
     */
    public Pass forwardBackward(TrainingBatch batch, RandomGenerator random) {
        INDArray input = batch.inputs().get(ModelComposer.INPUT);
        if (input == null) {
            throw new IllegalArgumentException("a training batch needs the model's '" + ModelComposer.INPUT + "'");
        }
        long size = input.size(0);
        Map<String, INDArray> placeholders = new LinkedHashMap<>();
        model.inputs().forEach((name, feature) -> {
            INDArray array = batch.inputs().get(name);
            if (array == null) {
                throw new IllegalArgumentException("a training batch needs the model's input '" + name + "'");
            }
            placeholders.put(feature.variable().name(), array);
        });
        placeholders.putAll(batch.targets());
        // A detection head's inputs derived from the boxes (RoIAlign's sampling), as at inference.
        INDArray rois = batch.inputs().get(ModelComposer.ROIS);
        if (rois != null) {
            model.detectionHead().ifPresent(head -> placeholders.putAll(head.inputsFor(rois, size)));
        }
        for (DropoutMask mask : model.dropoutMasks()) {
            // A RoI head's dropout masks a row per box, not per clip.
            long rows = rois != null && mask.placeholder().startsWith(ModelComposer.ROI_HEAD + "/") ? rois.size(0) : size;
            placeholders.put(mask.placeholder(), dropoutMask(mask, rows, random));
        }
        List<String> outputs = new ArrayList<>();
        outputs.add(LOSS);
        outputs.addAll(reported.values());
        for (BatchStatistics statistics : model.batchStatistics()) {
            outputs.add(statistics.batchMean());
            outputs.add(statistics.batchVariance());
        }
        OutAndGrad result = model.gradientsAndOutputs(placeholders, outputs, parameterNames);
        Map<String, INDArray> produced = result.getOutputs();
        Map<String, INDArray> gradients = new LinkedHashMap<>();
        for (String name : parameterNames) {
            INDArray gradient = result.getGradients().get(name);
            if (gradient != null) {
                gradients.put(name, gradient);
            }
        }
        Map<String, INDArray> statistics = new LinkedHashMap<>();
        for (BatchStatistics norm : model.batchStatistics()) {
            statistics.put(norm.batchMean(), produced.get(norm.batchMean()));
            statistics.put(norm.batchVariance(), produced.get(norm.batchVariance()));
        }
        Map<String, INDArray> reportedArrays = new LinkedHashMap<>();
        reported.forEach((name, variable) -> reportedArrays.put(name, produced.get(variable)));
        return new Pass(produced.get(LOSS).getDouble(0), reportedArrays, gradients, statistics, size);
    }

    /**
     * Folds a pass's batch statistics into the running statistics, as PyTorch's batch norm does in
     * training mode: {@code running = (1 - momentum) * running + momentum * batch}, with the unbiased
     * batch variance.
     */
    public void updateRunningStatistics(Pass pass) {
        SameDiff sameDiff = model.sameDiff();
        for (BatchStatistics norm : model.batchStatistics()) {
            long count = pass.batchSize() * norm.valuesPerSample();
            double unbiased = count > 1 ? (double) count / (count - 1) : 1;
            double momentum = norm.momentum();
            INDArray runningMean = sameDiff.getArrForVarName(norm.runningMean());
            INDArray runningVariance = sameDiff.getArrForVarName(norm.runningVariance());
            runningMean.muli(1 - momentum).addi(pass.batchStatistics().get(norm.batchMean()).mul(momentum));
            runningVariance.muli(1 - momentum)
                    .addi(pass.batchStatistics().get(norm.batchVariance()).mul(momentum * unbiased));
        }
    }

    /** Inverted dropout: kept values scaled by {@code 1 / (1 - ratio)}. */
    private static INDArray dropoutMask(DropoutMask mask, long batch, RandomGenerator random) {
        long[] shape = mask.shape().with(0, batch).dims();
        long size = Arrays.stream(shape).reduce(1, Math::multiplyExact);
        float keep = (float) (1 / (1 - mask.ratio()));
        float[] values = new float[Math.toIntExact(size)];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextDouble() < mask.ratio() ? 0 : keep;
        }
        return Nd4j.create(values, shape, 'c');
    }

    @Override
    public void close() {
        model.close();
    }
}
