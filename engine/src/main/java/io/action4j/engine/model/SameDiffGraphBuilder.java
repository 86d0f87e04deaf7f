package io.action4j.engine.model;

import io.action4j.api.model.Feature;
import io.action4j.api.model.GraphBuildException;
import io.action4j.api.model.GraphBuilder;
import io.action4j.api.model.TensorShape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.nd4j.autodiff.samediff.NameScope;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ops.impl.layers.convolution.Pooling3D;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv1DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv3DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Pooling3DConfig;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The engine's {@link GraphBuilder}: the layers on a SameDiff graph, and what the host decides about them.
 *
 * <p>Batch-norm folding: every {@link #batchNorm} applied directly to a convolution's output is recorded
 * as a {@link ConvNorm}. A graph built again with {@link #foldBatchNorms} given some of those pairs has, for
 * each pair, a convolution with a bias ({@code conv.bias}, created if the layer had none) and no batch-norm
 * op: the batch norm's output is the convolution's. The caller fills the folded weights,
 * {@code w * g / sqrt(v + eps)} and {@code (b - m) * g / sqrt(v + eps) + beta}, from the unfolded graph's
 * arrays (see {@link ConvNorm#fold}).
 *
 * <p>Training mode ({@link #training}): ND4J's fused batch-norm op has no gradient, so batch norms are
 * built from elementwise ops normalising with the batch's statistics, which are graph outputs
 * ({@link #batchStatistics}) for the trainer to fold into the running statistics, as PyTorch does in
 * {@code train()} mode. Dropout layers become a multiplication by a mask placeholder
 * ({@link #dropoutMasks}) that the trainer fills, so dropout is seeded by the trainer's generator and
 * needs no random op in the gradient. In inference mode (the default) dropout is the identity.
 *
 * <p>Layout ({@link #layout(Layout)}): features are declared channels first whatever the layout; with
 * {@link Layout#CHANNELS_LAST} the builder's own layers keep them N x T x H x W x C in the graph (see
 * {@link Feature}).
 */
public final class SameDiffGraphBuilder implements GraphBuilder {

    private final SameDiff sameDiff;
    private final long seed;
    /** Output variable name of each conv3d built here, to its layer's qualified name. */
    private final Map<String, String> convOutputs = new HashMap<>();
    private final Map<String, Boolean> convBiases = new HashMap<>();
    private final List<ConvNorm> convNorms = new ArrayList<>();
    /** Fold mode: qualified conv name to its pair, and qualified batch-norm name to its pair. */
    private final Map<String, ConvNorm> foldedConvs = new HashMap<>();
    private final Map<String, ConvNorm> foldedNorms = new HashMap<>();
    private boolean training;
    private Layout layout = Layout.CHANNELS_FIRST;
    private final List<BatchStatistics> batchStatistics = new ArrayList<>();
    private final List<DropoutMask> dropoutMasks = new ArrayList<>();
    /** Qualified parameter name to the PyTorch-to-graph axis order of its values (conv and linear weights). */
    private final Map<String, int[]> torchLayouts = new HashMap<>();
    private ConvInit convInit = ConvInit.HE_NORMAL_FAN_OUT;
    private final java.util.Set<String> derivedBuffers = new java.util.HashSet<>();
    /** The fan-in of the convolution weight made last, for its bias's initialisation. */
    private long lastFanIn = 1;

    /** conv1d weight {@code [out, in, k]} in PyTorch, {@code [k, in, out]} here. */
    private static final int[] CONV1D_LAYOUT = {2, 1, 0};
    /** conv2d weight {@code [out, in, kH, kW]} in PyTorch, {@code [kH, kW, in, out]} here. */
    private static final int[] CONV2D_LAYOUT = {2, 3, 1, 0};
    /** conv3d weight {@code [out, in, kT, kH, kW]} in PyTorch, {@code [kT, kH, kW, in, out]} here. */
    private static final int[] CONV3D_LAYOUT = {2, 3, 4, 1, 0};
    /** linear weight {@code [out, in]} in PyTorch, {@code [in, out]} here. */
    private static final int[] LINEAR_LAYOUT = {1, 0};

    public SameDiffGraphBuilder(SameDiff sameDiff, long seed) {
        this.sameDiff = sameDiff;
        this.seed = seed;
    }

    /** Builds the training form of batch norm and dropout (see the class comment); call before building. */
    public SameDiffGraphBuilder training(boolean training) {
        if (training && layout == Layout.CHANNELS_LAST) {
            throw new IllegalStateException("training graphs are built channels first");
        }
        this.training = training;
        return this;
    }

    /** Chooses the layout (see {@link Layout}); call before building. */
    public SameDiffGraphBuilder layout(Layout layout) {
        if (layout == Layout.CHANNELS_LAST && training) {
            throw new IllegalStateException("training graphs are built channels first");
        }
        this.layout = layout;
        return this;
    }

    @Override
    public Layout layout() {
        return layout;
    }

    private boolean channelsLast() {
        return layout == Layout.CHANNELS_LAST;
    }

    @Override
    public boolean isTraining() {
        return training;
    }

    /**
     * A training-mode batch norm's statistics over the current batch, as graph variables of shape
     * {@code [C]}: the mean and the biased variance it normalised with. PyTorch updates the running
     * statistics with {@code (1 - momentum) * running + momentum * batch}, using the unbiased variance
     * ({@code variance * n / (n - 1)}, {@code n = batch * valuesPerSample}).
     *
     * @param norm the batch norm's qualified name ({@code running_mean}, {@code running_var} hang off it)
     * @param valuesPerSample values per channel per sample (T x H x W for NCTHW)
     */
    public record BatchStatistics(String norm, String batchMean, String batchVariance, long valuesPerSample,
                                  double momentum) {

        public String runningMean() {
            return norm + ".running_mean";
        }

        public String runningVariance() {
            return norm + ".running_var";
        }
    }

    /**
     * A dropout layer in a training graph: the placeholder its input is multiplied by, shaped like the
     * input (batch size open). Fill it with {@code 1 / (1 - ratio)} where a value is kept and 0 where it
     * is dropped, each kept with probability {@code 1 - ratio} (inverted dropout, as PyTorch's).
     */
    public record DropoutMask(String placeholder, TensorShape shape, double ratio) {
    }

    /** The training-mode batch norms built so far, in build order. */
    public List<BatchStatistics> batchStatistics() {
        return Collections.unmodifiableList(batchStatistics);
    }

    /** The dropout layers of a training graph built so far, in build order. */
    public List<DropoutMask> dropoutMasks() {
        return Collections.unmodifiableList(dropoutMasks);
    }

    /**
     * A batch norm applied to a convolution's output, by the layers' qualified names (e.g.
     * {@code backbone/conv1.conv} and {@code backbone/conv1.bn}).
     *
     * @param convOutput the convolution's output variable in the graph that recorded the pair
     * @param convBias whether the convolution has its own bias ({@code conv.bias})
     */
    public record ConvNorm(String conv, String convOutput, boolean convBias, String norm, double epsilon) {

        public String weight() {
            return conv + ".weight";
        }

        public String bias() {
            return conv + ".bias";
        }

        public String gamma() {
            return norm + ".weight";
        }

        public String beta() {
            return norm + ".bias";
        }

        public String mean() {
            return norm + ".running_mean";
        }

        public String variance() {
            return norm + ".running_var";
        }

        /**
         * Folds the batch norm into the convolution, in double precision.
         *
         * @param weight the convolution weight, {@code [kT, kH, kW, in, out]} in C order (modified in place)
         * @param bias the convolution's bias, or null when it has none
         * @return the folded bias
         */
        public float[] fold(float[] weight, float[] bias, float[] gamma, float[] beta, float[] mean, float[] variance) {
            int channels = gamma.length;
            if (beta.length != channels || mean.length != channels || variance.length != channels
                    || (bias != null && bias.length != channels) || weight.length % channels != 0) {
                throw new IllegalArgumentException(conv + " / " + norm + ": parameter sizes do not match");
            }
            double[] scale = new double[channels];
            float[] folded = new float[channels];
            for (int c = 0; c < channels; c++) {
                scale[c] = gamma[c] / Math.sqrt((double) variance[c] + epsilon);
                double b = bias == null ? 0 : bias[c];
                folded[c] = (float) ((b - mean[c]) * scale[c] + beta[c]);
            }
            for (int i = 0; i < weight.length; i++) {
                weight[i] = (float) (weight[i] * scale[i % channels]);
            }
            return folded;
        }
    }

    /**
     * The conv3d + batchNorm pairs built so far, in build order. A pair is only safe to fold when
     * nothing else reads the convolution's output (check the finished graph).
     */
    public List<ConvNorm> convNorms() {
        return Collections.unmodifiableList(convNorms);
    }

    /**
     * Builds the given pairs (recorded by an earlier build of the same graph) folded: call before
     * building. The pairs' batch norms then create no parameters or ops.
     */
    public SameDiffGraphBuilder foldBatchNorms(Collection<ConvNorm> pairs) {
        for (ConvNorm pair : pairs) {
            foldedConvs.put(pair.conv(), pair);
            foldedNorms.put(pair.norm(), pair);
        }
        return this;
    }

    @Override
    public SameDiff sameDiff() {
        return sameDiff;
    }

    @Override
    public NameScope scope(String name) {
        return sameDiff.withNameScope(name);
    }

    @Override
    public String qualified(String name) {
        String scope = sameDiff.currentNameScope();
        return scope == null || scope.isEmpty() ? name : scope + "/" + name;
    }

    @Override
    public Feature conv3d(String name, Feature input, int outChannels, int[] kernel, int[] stride, int[] padding,
                          boolean bias) {
        TensorShape in = requireRank(name, input, 5);
        long inChannels = knownChannels(name, in);
        long[] out = new long[] {in.dim(0), outChannels, 0, 0, 0};
        for (int axis = 0; axis < 3; axis++) {
            out[axis + 2] = slidingOutput(name, "convolution", in, axis, kernel, stride, padding);
        }
        // ND4J's conv3d weight layout is [kT, kH, kW, inC, outC] (torch's weight permuted 2,3,4,1,0).
        SDVariable weight = convWeight(name, (long) outChannels * kernel[0] * kernel[1] * kernel[2], CONV3D_LAYOUT,
                kernel[0], kernel[1], kernel[2], inChannels, outChannels);
        SDVariable biasVariable = convBias(name, outChannels, bias);
        boolean withBias = biasVariable != null;
        Conv3DConfig config = Conv3DConfig.builder()
                .kD(kernel[0]).kH(kernel[1]).kW(kernel[2])
                .sD(stride[0]).sH(stride[1]).sW(stride[2])
                .pD(padding[0]).pH(padding[1]).pW(padding[2])
                .biasUsed(withBias)
                .dataFormat(channelsLast() ? Conv3DConfig.NDHWC : Conv3DConfig.NCDHW)
                .build();
        SDVariable x = channelsLast() ? input.channelsLastVariable() : input.variable();
        SDVariable output = withBias
                ? sameDiff.cnn().conv3d(name, x, weight, biasVariable, config)
                : sameDiff.cnn().conv3d(name, x, weight, config);
        recordConv(output, name, bias);
        TensorShape shape = TensorShape.of(out);
        return channelsLast() ? Feature.channelsLast(output, shape) : new Feature(output, shape);
    }

    @Override
    public Feature conv1d(String name, Feature input, int outChannels, int kernel, int stride, int padding,
                          int groups, boolean bias) {
        TensorShape in = requireRank(name, input, 3);
        long inChannels = knownChannels(name, in);
        if (groups < 1 || inChannels % groups != 0 || outChannels % groups != 0) {
            throw new GraphBuildException(qualified(name) + ": " + groups + " groups must divide both the "
                    + inChannels + " input and the " + outChannels + " output channels");
        }
        long width = slidingOutput(name, "convolution", in, 2, kernel, stride, padding);
        SDVariable weight = convWeight(name, (long) outChannels / groups * kernel, CONV1D_LAYOUT,
                kernel, inChannels / groups, outChannels);
        SDVariable biasVariable = convBias(name, outChannels, bias);
        boolean withBias = biasVariable != null;
        Conv1DConfig config = Conv1DConfig.builder().k(kernel).s(stride).p(padding).d(1)
                .dataFormat(Conv1DConfig.NCW).paddingMode(PaddingMode.VALID).build();
        SDVariable x = input.variable();
        SDVariable output;
        if (groups == 1) {
            output = withBias ? sameDiff.cnn().conv1d(name, x, weight, biasVariable, config)
                    : sameDiff.cnn().conv1d(name, x, weight, config);
        } else {
            // ND4J's conv1d has no groups: one convolution per channel group, concatenated.
            int inPerGroup = Math.toIntExact(inChannels / groups);
            int outPerGroup = outChannels / groups;
            SDVariable[] parts = new SDVariable[groups];
            for (int g = 0; g < groups; g++) {
                // Slice sizes of -1 take the rest of an axis (the batch, the width).
                SDVariable slice = sameDiff.slice(x, new int[] {0, g * inPerGroup, 0}, -1, inPerGroup, -1);
                SDVariable groupWeight = sameDiff.slice(weight, new int[] {0, 0, g * outPerGroup}, kernel, inPerGroup,
                        outPerGroup);
                parts[g] = withBias
                        ? sameDiff.cnn().conv1d(slice, groupWeight,
                                sameDiff.slice(biasVariable, new int[] {g * outPerGroup}, outPerGroup), config)
                        : sameDiff.cnn().conv1d(slice, groupWeight, config);
            }
            output = sameDiff.concat(name, 1, parts);
        }
        recordConv(output, name, bias);
        return new Feature(output, TensorShape.of(in.dim(0), outChannels, width));
    }

    @Override
    public Feature conv2d(String name, Feature input, int outChannels, int[] kernel, int[] stride, int[] padding,
                          boolean bias) {
        TensorShape in = requireRank(name, input, 4);
        long inChannels = knownChannels(name, in);
        long height = slidingOutput(name, "convolution", in, 2, kernel[0], stride[0], padding[0]);
        long width = slidingOutput(name, "convolution", in, 3, kernel[1], stride[1], padding[1]);
        SDVariable weight = convWeight(name, (long) outChannels * kernel[0] * kernel[1], CONV2D_LAYOUT,
                kernel[0], kernel[1], inChannels, outChannels);
        SDVariable biasVariable = convBias(name, outChannels, bias);
        boolean withBias = biasVariable != null;
        Conv2DConfig config = Conv2DConfig.builder().kH(kernel[0]).kW(kernel[1]).sH(stride[0]).sW(stride[1])
                .pH(padding[0]).pW(padding[1]).dH(1).dW(1).dataFormat(Conv2DConfig.NCHW).build();
        SDVariable output = withBias ? sameDiff.cnn().conv2d(name, input.variable(), weight, biasVariable, config)
                : sameDiff.cnn().conv2d(name, input.variable(), weight, config);
        recordConv(output, name, bias);
        return new Feature(output, TensorShape.of(in.dim(0), outChannels, height, width));
    }

    /** A convolution's weight {@code name.weight}, He-normal with {@code fanOut}, its PyTorch order recorded. */
    private SDVariable convWeight(String name, long fanOut, int[] torchLayout, long... shape) {
        Initializer init = convInit == ConvInit.HE_NORMAL_FAN_OUT ? GraphBuilder.normal(Math.sqrt(2.0 / fanOut))
                : GraphBuilder.uniform(1 / Math.sqrt(fanIn(shape)));
        SDVariable weight = parameter(name + ".weight", init, shape);
        torchLayouts.put(weight.name(), torchLayout);
        lastFanIn = fanIn(shape);
        return weight;
    }

    /** A weight in graph layout ({@code [k..., in / groups, out]}): every axis but the last feeds one output. */
    private static long fanIn(long... shape) {
        long fanIn = 1;
        for (int axis = 0; axis < shape.length - 1; axis++) {
            fanIn *= shape[axis];
        }
        return fanIn;
    }

    @Override
    public ConvInit convInit(ConvInit init) {
        ConvInit previous = convInit;
        convInit = java.util.Objects.requireNonNull(init, "init");
        return previous;
    }

    /**
     * A convolution's bias {@code name.bias}: its own, or, when a batch norm is folded into it, the one
     * that takes the norm's shift; null when it has neither.
     */
    private SDVariable convBias(String name, int outChannels, boolean bias) {
        boolean withBias = bias || foldedConvs.containsKey(qualified(name));
        Initializer init = convInit == ConvInit.TORCH_DEFAULT && bias ? GraphBuilder.uniform(1 / Math.sqrt(lastFanIn)) : GraphBuilder.constant(0);
        return withBias ? parameter(name + ".bias", init, outChannels) : null;
    }

    /** Remembers the convolution's output, so that a batch norm applied to it next is recorded as a pair. */
    private void recordConv(SDVariable output, String name, boolean bias) {
        String qualifiedName = qualified(name);
        convOutputs.put(output.name(), qualifiedName);
        convBiases.put(qualifiedName, bias);
    }

    /**
     * The PyTorch-to-graph axis order of a parameter this builder made, by its graph name: for each graph
     * axis the PyTorch axis it comes from ({@code [2, 1, 0]} for a conv1d weight); empty for parameters
     * whose values are in PyTorch's order (biases, batch-norm vectors) or that a plugin made itself.
     */
    public Optional<int[]> torchLayout(String parameter) {
        return Optional.ofNullable(torchLayouts.get(parameter)).map(int[]::clone);
    }

    @Override
    public Feature batchNorm(String name, Feature input, double epsilon) {
        long channels = knownChannels(name, input.shape());
        String qualifiedName = qualified(name);
        String conv = convOutputs.get(input.stored().name());
        ConvNorm folded = foldedNorms.get(qualifiedName);
        if (folded != null) {
            if (!folded.conv().equals(conv)) {
                throw new GraphBuildException(qualifiedName + ": folded into " + folded.conv()
                        + ", but this build applies it to " + (conv == null ? input.stored().name() : conv));
            }
            return input;
        }
        SDVariable gamma = parameter(name + ".weight", GraphBuilder.constant(1), channels);
        SDVariable beta = parameter(name + ".bias", GraphBuilder.constant(0), channels);
        SDVariable mean = buffer(name + ".running_mean", 0, channels);
        SDVariable variance = buffer(name + ".running_var", 1, channels);
        if (training) {
            return trainingBatchNorm(name, input, gamma, beta, epsilon);
        }
        int channelAxis = input.isChannelsLast() ? input.shape().rank() - 1 : 1;
        SDVariable output = sameDiff.nn().batchNorm(name, input.stored(), mean, variance, gamma, beta, epsilon,
                channelAxis);
        if (conv != null) {
            convNorms.add(new ConvNorm(conv, input.stored().name(), convBiases.get(conv), qualifiedName, epsilon));
        }
        return input.sameLayout(output);
    }

    /**
     * Batch norm from elementwise ops with the batch's statistics (biased variance, as PyTorch
     * normalises in training); the statistics are recorded for the running-statistics update.
     */
    private Feature trainingBatchNorm(String name, Feature input, SDVariable gamma, SDVariable beta, double epsilon) {
        TensorShape shape = input.shape();
        int[] reduced = new int[shape.rank() - 1];
        long valuesPerSample = 1;
        for (int axis = 0, i = 0; axis < shape.rank(); axis++) {
            if (axis != 1) {
                reduced[i++] = axis;
            }
            if (axis >= 2) {
                if (shape.dim(axis) == TensorShape.UNKNOWN) {
                    throw new GraphBuildException(qualified(name) + ": training batch norm needs known sizes after "
                            + "the channels, got " + shape);
                }
                valuesPerSample *= shape.dim(axis);
            }
        }
        long[] broadcast = new long[shape.rank()];
        Arrays.fill(broadcast, 1);
        broadcast[1] = shape.dim(1);
        SDVariable x = input.variable();
        SDVariable mean = sameDiff.mean(name + "_batch_mean_b", x, true, reduced);
        SDVariable centred = x.sub(name + "_centred", mean);
        SDVariable variance = sameDiff.mean(name + "_batch_var_b", sameDiff.math().square(centred), true, reduced);
        SDVariable inverseStd = sameDiff.math().rsqrt(variance.add(epsilon));
        SDVariable scale = gamma.reshape(broadcast).mul(inverseStd);
        SDVariable output = centred.mul(scale).add(name, beta.reshape(broadcast));
        SDVariable meanVector = sameDiff.reshape(name + "_batch_mean", mean, shape.dim(1));
        SDVariable varianceVector = sameDiff.reshape(name + "_batch_var", variance, shape.dim(1));
        batchStatistics.add(new BatchStatistics(qualified(name), meanVector.name(), varianceVector.name(),
                valuesPerSample, 0.1));
        return new Feature(output, shape);
    }

    @Override
    public Feature dropout(String name, Feature input, double ratio) {
        if (!(ratio >= 0 && ratio < 1)) {
            throw new GraphBuildException(qualified(name) + ": dropout ratio must be in [0, 1), got " + ratio);
        }
        if (!training || ratio == 0) {
            return input;
        }
        TensorShape open = input.shape().with(0, TensorShape.UNKNOWN);
        SDVariable mask = sameDiff.placeHolder(qualified(name) + ".mask", input.variable().dataType(), open.dims());
        dropoutMasks.add(new DropoutMask(mask.name(), open, ratio));
        return new Feature(input.variable().mul(name, mask), input.shape());
    }

    @Override
    public Feature relu(String name, Feature input) {
        return input.sameLayout(sameDiff.nn().relu(name, input.stored(), 0));
    }

    @Override
    public Feature sigmoid(String name, Feature input) {
        return input.sameLayout(sameDiff.nn().sigmoid(name, input.stored()));
    }

    @Override
    public Feature add(String name, Feature a, Feature b) {
        if (!a.shape().equals(b.shape())) {
            throw new GraphBuildException(qualified(name) + ": cannot add " + a.shape() + " and " + b.shape());
        }
        if (a.isChannelsLast() == b.isChannelsLast()) {
            return a.sameLayout(sameDiff.math().add(name, a.stored(), b.stored()));
        }
        return channelsLast() && a.shape().rank() >= 3
                ? Feature.channelsLast(sameDiff.math().add(name, a.channelsLastVariable(), b.channelsLastVariable()),
                        a.shape())
                : new Feature(sameDiff.math().add(name, a.variable(), b.variable()), a.shape());
    }

    @Override
    public Feature concatChannels(String name, Feature... parts) {
        if (parts.length == 0) {
            throw new GraphBuildException(qualified(name) + ": nothing to concatenate");
        }
        long[] out = parts[0].shape().dims();
        out[1] = 0;
        for (Feature part : parts) {
            TensorShape shape = part.shape();
            for (int axis = 0; axis < out.length; axis++) {
                boolean fits = shape.rank() == out.length
                        && (axis == 1 ? shape.dim(1) != TensorShape.UNKNOWN : shape.dim(axis) == out[axis]);
                if (!fits) {
                    throw new GraphBuildException(qualified(name) + ": cannot concatenate the channels of "
                            + Arrays.stream(parts).map(p -> p.shape().toString()).toList());
                }
            }
            out[1] += shape.dim(1);
        }
        TensorShape shape = TensorShape.of(out);
        if (channelsLast() && out.length >= 3) {
            SDVariable[] variables = Arrays.stream(parts).map(Feature::channelsLastVariable).toArray(SDVariable[]::new);
            return Feature.channelsLast(sameDiff.concat(name, out.length - 1, variables), shape);
        }
        SDVariable[] variables = Arrays.stream(parts).map(Feature::variable).toArray(SDVariable[]::new);
        return new Feature(sameDiff.concat(name, 1, variables), shape);
    }

    @Override
    public Feature maxPool3d(String name, Feature input, int[] kernel, int[] stride, int[] padding) {
        TensorShape in = requireRank(name, input, 5);
        long[] out = in.dims();
        for (int axis = 0; axis < 3; axis++) {
            out[axis + 2] = slidingOutput(name, "pooling", in, axis, kernel, stride, padding);
        }
        Pooling3DConfig config = Pooling3DConfig.builder()
                .kD(kernel[0]).kH(kernel[1]).kW(kernel[2])
                .sD(stride[0]).sH(stride[1]).sW(stride[2])
                .pD(padding[0]).pH(padding[1]).pW(padding[2])
                .type(Pooling3D.Pooling3DType.MAX)
                .isNCDHW(!input.isChannelsLast())
                .build();
        return input.resized(sameDiff.cnn().maxPooling3d(name, input.stored(), config), TensorShape.of(out));
    }

    @Override
    public Feature avgPool3d(String name, Feature input, int[] kernel, int[] stride) {
        TensorShape in = requireRank(name, input, 5);
        long[] out = in.dims();
        int[] none = {0, 0, 0};
        for (int axis = 0; axis < 3; axis++) {
            out[axis + 2] = slidingOutput(name, "pooling", in, axis, kernel, stride, none);
        }
        Pooling3DConfig config = Pooling3DConfig.builder()
                .kD(kernel[0]).kH(kernel[1]).kW(kernel[2])
                .sD(stride[0]).sH(stride[1]).sW(stride[2])
                .type(Pooling3D.Pooling3DType.AVG)
                .isNCDHW(!input.isChannelsLast())
                .build();
        return input.resized(sameDiff.cnn().avgPooling3d(name, input.stored(), config), TensorShape.of(out));
    }

    @Override
    public Feature globalAveragePool(String name, Feature input) {
        TensorShape in = input.shape();
        if (in.rank() < 3) {
            throw new GraphBuildException(qualified(name) + ": global pooling needs N x C x ..., got " + in);
        }
        int[] axes = new int[in.rank() - 2];
        // The axes between the batch and the channels when held channels last, after the channels otherwise.
        int first = input.isChannelsLast() ? 1 : 2;
        Arrays.setAll(axes, i -> i + first);
        SDVariable output = sameDiff.mean(name, input.stored(), axes);
        return new Feature(output, TensorShape.of(in.dim(0), in.dim(1)));
    }

    @Override
    public Feature linear(String name, Feature input, int outFeatures, double std) {
        TensorShape in = requireRank(name, input, 2);
        long inFeatures = knownChannels(name, in);
        SDVariable weight = parameter(name + ".weight", GraphBuilder.normal(std), inFeatures, outFeatures);
        torchLayouts.put(weight.name(), LINEAR_LAYOUT);
        SDVariable bias = parameter(name + ".bias", GraphBuilder.constant(0), outFeatures);
        SDVariable product = sameDiff.mmul(name + ".matmul", input.variable(), weight);
        return new Feature(sameDiff.math().add(name, product, bias), TensorShape.of(in.dim(0), outFeatures));
    }

    @Override
    public SDVariable parameter(String name, Initializer init, long... shape) {
        float[] values = new float[Math.toIntExact(Arrays.stream(shape).reduce(1, Math::multiplyExact))];
        init.fill(values, new SplittableRandom(seed * 31 + qualified(name).hashCode()));
        // SameDiff's var() and constant() ignore the name scope: qualify the name here.
        return sameDiff.var(qualified(name), Nd4j.create(values, shape, 'c'));
    }

    @Override
    public SDVariable constant(String name, float[] values, long... shape) {
        long size = Arrays.stream(shape).reduce(1, Math::multiplyExact);
        if (size != values.length) {
            throw new GraphBuildException(qualified(name) + ": shape " + Arrays.toString(shape) + " needs " + size
                    + " values, got " + values.length);
        }
        return sameDiff.constant(qualified(name), Nd4j.create(values.clone(), shape, 'c'));
    }

    @Override
    public SDVariable checkpointBuffer(String name, float[] values, long... shape) {
        return buffer(name, values, shape);
    }

    @Override
    public SDVariable derivedBuffer(String name, float[] values, long... shape) {
        SDVariable buffer = buffer(name, values, shape);
        derivedBuffers.add(buffer.name());
        return buffer;
    }

    /** Whether the graph variable is a {@link #derivedBuffer}. */
    public boolean isDerivedBuffer(String name) {
        return derivedBuffers.contains(name);
    }

    private SDVariable buffer(String name, float[] values, long... shape) {
        if (!name.contains(".")) {
            throw new GraphBuildException(qualified(name) + ": a checkpoint buffer's name needs a dot, as a module's "
                    + "buffer has (e.g. 'bmn.sample_mask')");
        }
        long size = Arrays.stream(shape).reduce(1, Math::multiplyExact);
        if (size != values.length) {
            throw new GraphBuildException(qualified(name) + ": shape " + Arrays.toString(shape) + " needs " + size
                    + " values, got " + values.length);
        }
        // No defensive copy: such buffers can be large (BMN's is 128 MB) and Nd4j.create copies anyway.
        SDVariable buffer = sameDiff.constant(qualified(name), Nd4j.create(values, shape, 'c'));
        int[] asIs = new int[shape.length];
        Arrays.setAll(asIs, axis -> axis);
        torchLayouts.put(buffer.name(), asIs);
        return buffer;
    }

    @Override
    public SDVariable buffer(String name, float value, long... shape) {
        return sameDiff.constant(qualified(name), Nd4j.valueArrayOf(shape, value, DataType.FLOAT));
    }

    private TensorShape requireRank(String name, Feature input, int rank) {
        if (input.shape().rank() != rank) {
            throw new GraphBuildException(qualified(name) + ": expects a rank-" + rank + " input, got " + input.shape());
        }
        return input.shape();
    }

    private long knownChannels(String name, TensorShape shape) {
        if (shape.rank() < 2 || shape.dim(1) == TensorShape.UNKNOWN) {
            throw new GraphBuildException(qualified(name) + ": needs a known channel count, got " + shape);
        }
        return shape.dim(1);
    }

    private static final String[] AXIS_NAMES = {"time", "height", "width"};

    private long slidingOutput(String name, String what, TensorShape in, int axis, int[] kernel, int[] stride,
                               int[] padding) {
        return slidingOutput(name, what, in, axis + 2, kernel[axis], stride[axis], padding[axis]);
    }

    @Override
    public long slidingOutput(String name, String what, TensorShape in, int axis, int kernel, int stride, int padding) {
        long size = in.dim(axis);
        if (size == TensorShape.UNKNOWN) {
            return TensorShape.UNKNOWN;
        }
        long padded = size + 2L * padding;
        if (padded < kernel) {
            throw new GraphBuildException(String.format(
                    "%s: %s kernel %d is larger than the padded input %s %d (input %s, padding %d)",
                    qualified(name), what, kernel, AXIS_NAMES[axis - (in.rank() - 3)], padded, in, padding));
        }
        return (padded - kernel) / stride + 1;
    }
}
