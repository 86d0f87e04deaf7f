package io.action4j.engine.model;

import io.action4j.api.model.DetectionHead;
import io.action4j.api.model.Feature;
import io.action4j.api.model.GraphBuilder.Layout;
import io.action4j.api.model.GraphBuilder;
import io.action4j.api.model.LocalizationHead;
import io.action4j.api.model.TensorShape;
import io.action4j.engine.config.ModelConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.nd4j.autodiff.listeners.Listener;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.autodiff.samediff.internal.InferenceSession;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.autodiff.samediff.internal.Variable;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.BatchNorm;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A model built into one SameDiff graph: its named inputs (placeholders) and outputs, and the
 * head, which decodes localization and detection outputs. Close it to free the parameters'
 * native memory.
 */
public final class ComposedModel implements AutoCloseable {

    private final SameDiff sameDiff;
    private final Set<ModelConfig.Task> tasks;
    private final Map<String, Feature> inputs;
    private final Map<String, Feature> outputs;
    /** The backbone's output averaged over every axis but batch and channels (N x C); null without a backbone. */
    private final Feature clipFeatures;
    private final List<Object> heads;
    private final Recipe recipe;
    /** Intermediate arrays kept between calls, per thread, at most (a bound, not a reservation). */
    private static final long MAX_KEPT_BYTES = 8L << 30;
    /** The name ND4J gives the backward function it builds ({@code SameDiff.createGradFunction}). */
    private static final String GRADIENT_FUNCTION = "grad";
    private final List<ReusingMemoryMgr> memoryManagers = new ArrayList<>();
    private volatile boolean reuseArrays = true;

    /**
     * How the graph was built, so that it can be built again folded: the config, input shape and
     * seed, the builder (which recorded the conv3d + batch-norm pairs) and the pairs folded in it.
     */
    record Recipe(ModelConfig config, TensorShape inputShape, long seed, SameDiffGraphBuilder builder, List<SameDiffGraphBuilder.ConvNorm> folded,
                  ModelComposer.Parts parts) {
    }

    ComposedModel(SameDiff sameDiff, Set<ModelConfig.Task> tasks, Map<String, Feature> inputs,
                  Map<String, Feature> outputs, Feature clipFeatures, List<Object> heads, Recipe recipe) {
        this.clipFeatures = clipFeatures;
        this.sameDiff = sameDiff;
        this.tasks = Collections.unmodifiableSet(EnumSet.copyOf(tasks));
        this.inputs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
        this.outputs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
        this.heads = List.copyOf(heads);
        this.recipe = recipe;
    }

    public SameDiff sameDiff() {
        return sameDiff;
    }

    /**
     * For a parameter the builder made (by its graph name), the PyTorch-to-graph axis order of its values
     * ({@code [2, 1, 0]} for a conv1d weight); empty for the rest.
     */
    /**
     * Whether a checkpoint buffer is computed from the config ({@code GraphBuilder.derivedBuffer}): a
     * checkpoint may carry it (it is then loaded and its shape checked) or not (action4j's omit it).
     */
    public boolean isDerivedBuffer(String name) {
        return recipe.builder().isDerivedBuffer(name);
    }

    public Optional<int[]> torchLayout(String parameter) {
        return recipe.builder().torchLayout(parameter);
    }

    /** The config the model was composed from. */
    public ModelConfig config() {
        return recipe.config();
    }

    /** The tasks of the model's heads. */
    public Set<ModelConfig.Task> tasks() {
        return tasks;
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
        return heads.stream().filter(LocalizationHead.class::isInstance).map(LocalizationHead.class::cast).findFirst();
    }

    public Optional<DetectionHead> detectionHead() {
        return heads.stream().filter(DetectionHead.class::isInstance).map(DetectionHead.class::cast).findFirst();
    }

    /** Declared shape of every input, by name. */
    public Map<String, TensorShape> inputShapes() {
        Map<String, TensorShape> shapes = new LinkedHashMap<>();
        inputs.forEach((name, feature) -> shapes.put(name, feature.shape()));
        return shapes;
    }

    /** Runs the graph: input arrays by input name, outputs by output name. */
    public Map<String, INDArray> run(Map<String, INDArray> inputArrays) {
        return execute(inputArrays, outputs, List.of());
    }

    /** {@link #run(Map)}, adding each op's time to {@code times}: a per-op profile of the call. */
    public Map<String, INDArray> run(Map<String, INDArray> inputArrays, OpTimes times) {
        Map<String, INDArray> produced = execute(inputArrays, outputs, List.of(times));
        times.countCall();
        return produced;
    }

    /**
     * The backbone's features of each input clip, averaged over time and space (N x C): what a
     * localizer's snippet features are. Only the backbone runs, not the heads.
     *
     * @throws IllegalStateException when the model has no backbone
     */
    public INDArray clipFeatures(Map<String, INDArray> inputArrays) {
        if (clipFeatures == null) {
            throw new IllegalStateException("the model has no backbone, so no clip features");
        }
        return execute(inputArrays, Map.of(CLIP_FEATURES, clipFeatures), List.of()).get(CLIP_FEATURES);
    }

    private static final String CLIP_FEATURES = "clip_features";

    private Map<String, INDArray> execute(Map<String, INDArray> inputArrays, Map<String, Feature> wanted,
                                          List<Listener> listeners) {
        for (String name : inputs.keySet()) {
            if (!inputArrays.containsKey(name) && (wanted == outputs || !name.equals(ModelComposer.ROIS))) {
                throw new IllegalArgumentException("missing model input '" + name + "'; the model takes " + inputs.keySet());
            }
        }
        Map<String, INDArray> placeholders = new LinkedHashMap<>();
        inputs.forEach((name, feature) -> {
            if (inputArrays.containsKey(name)) {
                placeholders.put(feature.variable().name(), inputArrays.get(name));
            }
        });
        // What a detection head derives from the boxes (RoIAlign's sampling) goes in beside them.
        if (wanted == outputs && inputArrays.containsKey(ModelComposer.ROIS)) {
            detectionHead().ifPresent(head -> placeholders.putAll(head.inputsFor(inputArrays.get(ModelComposer.ROIS),
                    inputArrays.get(ModelComposer.INPUT).size(0))));
        }
        String[] graphOutputs = wanted.values().stream().map(f -> f.variable().name()).toArray(String[]::new);
        ReusingMemoryMgr memory = reuseArrays ? memoryManager() : null;
        List<INDArray> keep = new ArrayList<>(inputArrays.values());
        Map<String, INDArray> raw;
        try {
            raw = listeners.isEmpty() ? sameDiff.output(placeholders, graphOutputs)
                    : sameDiff.output(placeholders, listeners, graphOutputs);
            keep.addAll(raw.values());
        } finally {
            if (memory != null) {
                memory.endCall(keep);
            }
        }
        Map<String, INDArray> named = new LinkedHashMap<>();
        wanted.forEach((name, feature) -> named.put(name, raw.get(feature.variable().name())));
        return named;
    }

    /** Whether the graph is in training form (see {@link ModelComposer#composeForTraining}). */
    public boolean isTraining() {
        return recipe.builder().isTraining();
    }

    /** A training graph's batch norms and the variables holding their batch statistics; empty at inference. */
    public List<SameDiffGraphBuilder.BatchStatistics> batchStatistics() {
        return recipe.builder().batchStatistics();
    }

    /** A training graph's dropout mask placeholders; empty at inference. */
    public List<SameDiffGraphBuilder.DropoutMask> dropoutMasks() {
        return recipe.builder().dropoutMasks();
    }

    /** The conv + batch-norm pairs folded in this model's graph (empty unless it came from {@link #foldBatchNorm}). */
    public List<SameDiffGraphBuilder.ConvNorm> foldedBatchNorms() {
        return recipe.folded();
    }

    /**
     * An inference copy of this model with every batch norm that {@link GraphBuilder#batchNorm}
     * applied directly to a {@link GraphBuilder#conv3d} folded into that convolution: the
     * convolution's weight becomes {@code w * g / sqrt(v + eps)}, its bias
     * {@code (b - m) * g / sqrt(v + eps) + beta}, and the batch-norm op is gone. A pair is folded
     * only when the batch norm is the convolution output's sole reader; batch norms built otherwise
     * (raw SameDiff ops, after other layers) stay as they are.
     *
     * <p>The arrays are read now: load the checkpoint into this model first. The copy has the same
     * inputs and outputs, and every other parameter's current value, but no batch-norm parameters of
     * the folded pairs, so it is for inference only and a checkpoint no longer loads into it. This
     * model is left unchanged (close it when it is no longer needed).
     *
     * <p>The copy is built {@link Layout#CHANNELS_LAST}, the faster layout for oneDNN's convolutions;
     * inputs and outputs keep their shapes.
     */
    public ComposedModel foldBatchNorm() {
        return foldBatchNorm(Layout.CHANNELS_LAST);
    }

    /** {@link #foldBatchNorm()}, built in the given layout. */
    public ComposedModel foldBatchNorm(Layout layout) {
        List<SameDiffGraphBuilder.ConvNorm> foldable = recipe.builder().convNorms().stream().filter(this::foldable).toList();
        ComposedModel folded = ModelComposer.compose(recipe.config(), recipe.inputShape(), recipe.seed(), foldable,
                false, layout, recipe.parts());
        try {
            folded.copyFoldedArrays(this, foldable);
        } catch (RuntimeException e) {
            folded.close();
            throw e;
        }
        return folded;
    }

    /** The convolution's output is read by its batch norm only, and is no model output. */
    private boolean foldable(SameDiffGraphBuilder.ConvNorm pair) {
        Variable convOutput = sameDiff.getVariables().get(pair.convOutput());
        if (convOutput == null || convOutput.getInputsForOp() == null || convOutput.getInputsForOp().size() != 1
                || outputs.values().stream().anyMatch(f -> f.variable().name().equals(pair.convOutput()))) {
            return false;
        }
        SameDiffOp reader = sameDiff.getOps().get(convOutput.getInputsForOp().get(0));
        return reader != null && reader.getOp() instanceof BatchNorm && pair.convBias() == hasArray(pair.bias())
                && hasArray(pair.weight()) && hasArray(pair.gamma()) && hasArray(pair.beta()) && hasArray(pair.mean())
                && hasArray(pair.variance());
    }

    private boolean hasArray(String name) {
        SDVariable variable = sameDiff.getVariable(name);
        return variable != null && variable.getArr() != null;
    }

    /**
     * Copies every parameter and buffer of this model from {@code source}'s array of the same name,
     * e.g. an inference graph's weights from the training graph being trained.
     *
     * @throws IllegalStateException naming a parameter that {@code source} lacks or has in another shape
     */
    public void copyWeightsFrom(ComposedModel source) {
        for (SDVariable variable : sameDiff.variables()) {
            VariableType type = variable.getVariableType();
            INDArray target = variable.getArr();
            if ((type != VariableType.VARIABLE && type != VariableType.CONSTANT) || target == null) {
                continue;
            }
            SDVariable original = source.sameDiff.getVariable(variable.name());
            INDArray value = original == null ? null : original.getArr();
            if (value == null || !Arrays.equals(target.shape(), value.shape())) {
                throw new IllegalStateException("copying weights: " + variable.name() + " "
                        + Arrays.toString(target.shape()) + " has no counterpart of that shape in the source model");
            }
            target.assign(value);
        }
    }

    /** This (folded) graph's parameters from {@code source}'s, the folded pairs' computed. */
    private void copyFoldedArrays(ComposedModel source, List<SameDiffGraphBuilder.ConvNorm> pairs) {
        Set<String> computed = new HashSet<>();
        for (SameDiffGraphBuilder.ConvNorm pair : pairs) {
            computed.add(pair.weight());
            computed.add(pair.bias());
        }
        for (SDVariable variable : sameDiff.variables()) {
            VariableType type = variable.getVariableType();
            if ((type != VariableType.VARIABLE && type != VariableType.CONSTANT) || computed.contains(variable.name())) {
                continue;
            }
            INDArray target = variable.getArr();
            SDVariable original = source.sameDiff.getVariable(variable.name());
            INDArray value = original == null ? null : original.getArr();
            if (target == null || value == null || !Arrays.equals(target.shape(), value.shape())
                    || target.dataType() != value.dataType()) {
                throw new IllegalStateException("folding batch norms: the rebuilt graph's " + variable.name() + " "
                        + (target == null ? "" : Arrays.toString(target.shape())) + " has no counterpart in the model");
            }
            target.assign(value);
        }
        for (SameDiffGraphBuilder.ConvNorm pair : pairs) {
            SDVariable weight = sameDiff.getVariable(pair.weight());
            SDVariable bias = sameDiff.getVariable(pair.bias());
            if (weight == null || bias == null || sameDiff.getVariable(pair.mean()) != null) {
                throw new IllegalStateException("folding batch norms: " + pair.norm() + " was not folded into "
                        + pair.conv() + " in the rebuilt graph");
            }
            float[] w = source.floats(pair.weight());
            float[] b = pair.fold(w, pair.convBias() ? source.floats(pair.bias()) : null, source.floats(pair.gamma()),
                    source.floats(pair.beta()), source.floats(pair.mean()), source.floats(pair.variance()));
            weight.getArr().assign(Nd4j.create(w, weight.getArr().shape(), 'c').castTo(weight.getArr().dataType()));
            bias.getArr().assign(Nd4j.create(b, bias.getArr().shape(), 'c').castTo(bias.getArr().dataType()));
        }
    }

    private float[] floats(String name) {
        return sameDiff.getVariable(name).getArr().castTo(DataType.FLOAT).dup('c').data().asFloat();
    }

    /**
     * Whether {@link #run} hands intermediate arrays from one call to the next (the default) rather
     * than leaving them to ND4J's array cache and the garbage collector; see {@link ReusingMemoryMgr}.
     * Set it before the first run.
     */
    public ComposedModel reuseArrays(boolean reuse) {
        this.reuseArrays = reuse;
        return this;
    }

    /**
     * One training pass: the requested outputs and the gradients of {@code wrt}, as
     * {@link SameDiff#calculateGradientsAndOutputs}, with the gradient function's intermediate arrays
     * handed from one pass to the next as {@link #run} does for inference (unless
     * {@link #reuseArrays} is off). The returned arrays are the caller's.
     */
    public OutAndGrad gradientsAndOutputs(Map<String, INDArray> placeholders, Collection<String> outputNames,
                                          Collection<String> wrt) {
        SameDiff gradientFunction = sameDiff.getFunction(GRADIENT_FUNCTION);
        ReusingMemoryMgr memory = reuseArrays && gradientFunction != null ? memoryManager(gradientFunction) : null;
        OutAndGrad result = null;
        try {
            result = sameDiff.calculateGradientsAndOutputs(placeholders, outputNames, wrt);
            return result;
        } finally {
            if (memory != null) {
                List<INDArray> keep = new ArrayList<>(placeholders.values());
                if (result != null) {
                    keep.addAll(result.getOutputs().values());
                    keep.addAll(result.getGradients().values());
                }
                memory.endCall(keep);
            }
        }
    }

    /** This thread's session memory manager, installed on first use. */
    private ReusingMemoryMgr memoryManager() {
        return memoryManager(sameDiff);
    }

    /** This thread's memory manager for the sessions of {@code graph} (this graph or its gradient function). */
    private ReusingMemoryMgr memoryManager(SameDiff graph) {
        long thread = Thread.currentThread().getId();
        InferenceSession session = graph.getSessions().get(thread);
        if (session != null && session.getMmgr() instanceof ReusingMemoryMgr memory) {
            return memory;
        }
        ReusingMemoryMgr memory = new ReusingMemoryMgr(MAX_KEPT_BYTES);
        InferenceSession fresh = new InferenceSession(graph);
        fresh.setMmgr(memory);
        graph.getSessions().put(thread, fresh);
        synchronized (memoryManagers) {
            memoryManagers.add(memory);
        }
        return memory;
    }

    @Override
    public void close() {
        synchronized (memoryManagers) {
            memoryManagers.forEach(ReusingMemoryMgr::close);
            memoryManagers.clear();
        }
        for (SDVariable variable : sameDiff.variables()) {
            INDArray array = variable.getArr();
            if (array != null && array.closeable()) {
                array.close();
            }
        }
    }
}
