package io.action4j.api.model;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.nd4j.autodiff.samediff.NameScope;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ops.impl.layers.convolution.Pooling3D;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv3DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Pooling3DConfig;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Adds layers to a SameDiff graph with PyTorch's parameter names ({@code conv1.weight},
 * {@code bn1.running_mean}, ...) and PyTorch's default initialisation, and checks every layer's
 * output shape as it goes, so that a layer that does not fit its input fails at build time with
 * the layer's name.
 *
 * <p>Layout: NCTHW (NCDHW in ND4J's terms). Trainable parameters are SameDiff variables; batch-norm
 * running statistics are constants (they are loaded, not trained by gradient). Initial values are
 * drawn from a generator seeded by the graph seed and the parameter's full name, so a graph is the
 * same whatever order it is built in.
 */
public final class GraphBuilder {

    private final SameDiff sameDiff;
    private final long seed;

    public GraphBuilder(SameDiff sameDiff, long seed) {
        this.sameDiff = sameDiff;
        this.seed = seed;
    }

    public SameDiff sameDiff() {
        return sameDiff;
    }

    /** Opens a name scope: names created until it is closed are prefixed {@code name/}. */
    public NameScope scope(String name) {
        return sameDiff.withNameScope(name);
    }

    /** {@code name} with the current scopes in front, as it appears in the graph. */
    public String qualified(String name) {
        String scope = sameDiff.currentNameScope();
        return scope == null || scope.isEmpty() ? name : scope + "/" + name;
    }

    /** 3D convolution, torch's {@code Conv3d}: weight {@code name.weight}, He-normal (fan out) initialised. */
    public Feature conv3d(String name, Feature input, int outChannels, int[] kernel, int[] stride, int[] padding,
                          boolean bias) {
        TensorShape in = requireRank(name, input, 5);
        long inChannels = knownChannels(name, in);
        long[] out = new long[] {in.dim(0), outChannels, 0, 0, 0};
        for (int axis = 0; axis < 3; axis++) {
            out[axis + 2] = slidingOutput(name, "convolution", in, axis, kernel, stride, padding);
        }
        long fanOut = (long) outChannels * kernel[0] * kernel[1] * kernel[2];
        // ND4J's conv3d weight layout is [kT, kH, kW, inC, outC] (torch's weight permuted 2,3,4,1,0).
        SDVariable weight = parameter(name + ".weight", normal(Math.sqrt(2.0 / fanOut)),
                kernel[0], kernel[1], kernel[2], inChannels, outChannels);
        SDVariable biasVariable = bias ? parameter(name + ".bias", constant(0), outChannels) : null;
        Conv3DConfig config = Conv3DConfig.builder()
                .kD(kernel[0]).kH(kernel[1]).kW(kernel[2])
                .sD(stride[0]).sH(stride[1]).sW(stride[2])
                .pD(padding[0]).pH(padding[1]).pW(padding[2])
                .biasUsed(bias)
                .dataFormat(Conv3DConfig.NCDHW)
                .build();
        SDVariable output = bias
                ? sameDiff.cnn().conv3d(name, input.variable(), weight, biasVariable, config)
                : sameDiff.cnn().conv3d(name, input.variable(), weight, config);
        return new Feature(output, TensorShape.of(out));
    }

    /** Batch norm over channels (axis 1), inference form: {@code name.weight/bias/running_mean/running_var}. */
    public Feature batchNorm(String name, Feature input, double epsilon) {
        long channels = knownChannels(name, input.shape());
        SDVariable gamma = parameter(name + ".weight", constant(1), channels);
        SDVariable beta = parameter(name + ".bias", constant(0), channels);
        SDVariable mean = buffer(name + ".running_mean", 0, channels);
        SDVariable variance = buffer(name + ".running_var", 1, channels);
        SDVariable output = sameDiff.nn().batchNorm(name, input.variable(), mean, variance, gamma, beta, epsilon, 1);
        return new Feature(output, input.shape());
    }

    public Feature relu(String name, Feature input) {
        return new Feature(sameDiff.nn().relu(name, input.variable(), 0), input.shape());
    }

    public Feature add(String name, Feature a, Feature b) {
        if (!a.shape().equals(b.shape())) {
            throw new GraphBuildException(qualified(name) + ": cannot add " + a.shape() + " and " + b.shape());
        }
        return new Feature(sameDiff.math().add(name, a.variable(), b.variable()), a.shape());
    }

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
                .isNCDHW(true)
                .build();
        return new Feature(sameDiff.cnn().maxPooling3d(name, input.variable(), config), TensorShape.of(out));
    }

    /** Mean over every axis after the channels: NC... to NC. */
    public Feature globalAveragePool(String name, Feature input) {
        TensorShape in = input.shape();
        if (in.rank() < 3) {
            throw new GraphBuildException(qualified(name) + ": global pooling needs N x C x ..., got " + in);
        }
        int[] axes = new int[in.rank() - 2];
        Arrays.setAll(axes, i -> i + 2);
        SDVariable output = sameDiff.mean(name, input.variable(), axes);
        return new Feature(output, TensorShape.of(in.dim(0), in.dim(1)));
    }

    /**
     * Fully connected layer, torch's {@code Linear}: {@code name.weight} stored transposed
     * ({@code in x out}), initialised from N(0, {@code std}), bias zero.
     */
    public Feature linear(String name, Feature input, int outFeatures, double std) {
        TensorShape in = requireRank(name, input, 2);
        long inFeatures = knownChannels(name, in);
        SDVariable weight = parameter(name + ".weight", normal(std), inFeatures, outFeatures);
        SDVariable bias = parameter(name + ".bias", constant(0), outFeatures);
        return new Feature(sameDiff.nn().linear(name, input.variable(), weight, bias), TensorShape.of(in.dim(0), outFeatures));
    }

    /** A trainable variable with initial values from {@code init}. */
    public SDVariable parameter(String name, Initializer init, long... shape) {
        float[] values = new float[Math.toIntExact(Arrays.stream(shape).reduce(1, Math::multiplyExact))];
        init.fill(values, new SplittableRandom(seed * 31 + qualified(name).hashCode()));
        // SameDiff's var() and constant() ignore the name scope: qualify the name here.
        return sameDiff.var(qualified(name), Nd4j.create(values, shape, 'c'));
    }

    /** A non-trainable constant, filled with {@code value} (e.g. running statistics). */
    public SDVariable buffer(String name, float value, long... shape) {
        return sameDiff.constant(qualified(name), Nd4j.valueArrayOf(shape, value, DataType.FLOAT));
    }

    /** Fills a parameter's initial values. */
    @FunctionalInterface
    public interface Initializer {
        void fill(float[] values, SplittableRandom random);
    }

    public static Initializer normal(double std) {
        return (values, random) -> {
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) (random.nextGaussian() * std);
            }
        };
    }

    public static Initializer constant(float value) {
        return (values, random) -> Arrays.fill(values, value);
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
        long size = in.dim(axis + 2);
        if (size == TensorShape.UNKNOWN) {
            return TensorShape.UNKNOWN;
        }
        long padded = size + 2L * padding[axis];
        if (padded < kernel[axis]) {
            throw new GraphBuildException(String.format(
                    "%s: %s kernel %d is larger than the padded input %s %d (input %s, padding %d)",
                    qualified(name), what, kernel[axis], AXIS_NAMES[axis], padded, in, padding[axis]));
        }
        return (padded - kernel[axis]) / stride[axis] + 1;
    }
}
