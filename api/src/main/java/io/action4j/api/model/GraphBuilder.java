package io.action4j.api.model;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.nd4j.autodiff.samediff.NameScope;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * What a component builds its layers with: a SameDiff graph under construction, with PyTorch's
 * parameter names ({@code conv1.weight}, {@code bn1.running_mean}, ...) and PyTorch's default
 * initialisation, checking every layer's output shape as it goes, so that a layer that does not fit its
 * input fails at build time with the layer's name.
 *
 * <p>Layout: NCTHW (NCDHW in ND4J's terms) as declared; the host may keep features channels last in the
 * graph ({@link Layout}), which the builder's layers handle. Trainable parameters are SameDiff variables;
 * batch-norm running statistics are constants (loaded, not trained by gradient). Initial values are drawn
 * from a generator seeded by the graph seed and the parameter's full name, so a graph is the same whatever
 * order it is built in.
 *
 * <p>The host (the engine's implementation) decides what a component need not: whether the graph trains
 * (batch norms then normalise with the batch's statistics and dropout masks are filled by the trainer),
 * which batch norms fold into their convolutions for inference, and the layout. A component builds the
 * same calls in every case.
 */
public interface GraphBuilder {

    /**
     * How the builder's layers hold their features in the graph. The declared shapes, the parameters
     * and their names, and {@link Feature#variable()} are the same in both layouts.
     */
    enum Layout {
        /** N x C x T x H x W, as PyTorch and MMAction2 hold them (the default). */
        CHANNELS_FIRST,
        /**
         * N x T x H x W x C for convolutions, batch norms, pooling, activations, sums and channel
         * concatenation; oneDNN runs conv3d without converting layouts around each call then (about a
         * third faster on ResNet3D, ../shared/STACK.md). Inference only.
         */
        CHANNELS_LAST
    }

    /** How convolutions made from here on start (see {@link #convInit(ConvInit)}). */
    enum ConvInit {
        /** He-normal over the fan-out, zero bias: what action4j's recognition backbones train from. */
        HE_NORMAL_FAN_OUT,
        /**
         * PyTorch's default for {@code nn.ConvNd}: weight and bias uniform in {@code ±1/sqrt(fan_in)}
         * (kaiming-uniform with a = sqrt(5)), what models that keep PyTorch's initialisation train from
         * (MMAction2's BMN).
         */
        TORCH_DEFAULT
    }

    /** Fills a parameter's initial values. */
    @FunctionalInterface
    interface Initializer {
        void fill(float[] values, SplittableRandom random);
    }

    /**
     * The SameDiff graph underneath, for ops this interface has no method for (attention, reshapes).
     * Prefer the builder's layers: they check shapes, name parameters as PyTorch does, honour the
     * {@link #layout()} and fold batch norms.
     */
    SameDiff sameDiff();

    /** Opens a name scope: names created until it is closed are prefixed {@code name/}. */
    NameScope scope(String name);

    /** {@code name} with the current scopes in front, as it appears in the graph. */
    String qualified(String name);

    /** How this graph holds features (see {@link Layout}); set by the host before building. */
    Layout layout();

    /** Whether this is a training graph: batch norms use the batch's statistics and dropout is active. */
    boolean isTraining();

    /** 3D convolution, torch's {@code Conv3d}: weight {@code name.weight}, He-normal (fan out) initialised. */
    Feature conv3d(String name, Feature input, int outChannels, int[] kernel, int[] stride, int[] padding,
                  boolean bias);

    /**
     * 1D convolution over an N x C x W sequence, torch's {@code Conv1d} with {@code groups} (channels split
     * into that many groups, each convolved on its own, as BMN's temporal convolutions are): weight
     * {@code name.weight} ({@code [k, in / groups, out]}), He-normal (fan out). A batch norm right after it
     * folds into it like a conv3d's.
     */
    Feature conv1d(String name, Feature input, int outChannels, int kernel, int stride, int padding,
                  int groups, boolean bias);

    /**
     * 2D convolution over N x C x H x W images, torch's {@code Conv2d}: weight {@code name.weight}
     * ({@code [kH, kW, in, out]}), He-normal (fan out). A batch norm right after it folds into it.
     */
    Feature conv2d(String name, Feature input, int outChannels, int[] kernel, int[] stride, int[] padding,
                  boolean bias);

    /** Sets how the convolutions made from here on are initialised; returns the previous setting. */
    ConvInit convInit(ConvInit init);

    /** Batch norm over the channels, inference form: {@code name.weight/bias/running_mean/running_var}. */
    Feature batchNorm(String name, Feature input, double epsilon);

    /**
     * Dropout with probability {@code ratio}: the identity in inference mode (and for ratio 0), a
     * multiplication by a mask placeholder in a training graph (the trainer fills it with
     * inverted-dropout values, as PyTorch's).
     */
    Feature dropout(String name, Feature input, double ratio);

    Feature relu(String name, Feature input);

    Feature sigmoid(String name, Feature input);

    Feature add(String name, Feature a, Feature b);

    /** torch.cat(parts, 1): the channel counts add up, every other size must agree. */
    Feature concatChannels(String name, Feature... parts);

    Feature maxPool3d(String name, Feature input, int[] kernel, int[] stride, int[] padding);

    /** torch's {@code AvgPool3d} without padding (so whether padding is counted never matters). */
    Feature avgPool3d(String name, Feature input, int[] kernel, int[] stride);

    /** Mean over every axis after the channels: NC... to NC. */
    Feature globalAveragePool(String name, Feature input);

    /**
     * Fully connected layer, torch's {@code Linear}: {@code name.weight} stored transposed
     * ({@code in x out}), initialised from N(0, {@code std}), bias zero. A matrix product
     * ({@code name.matmul}) and a bias sum ({@code name}), not ND4J's {@code xw_plus_b}: on the oneDNN
     * build that op reorders its whole weight matrix on every call (4.5 ms of r3d_18's 400-class
     * head, against 0.2 ms for the product and the sum).
     */
    Feature linear(String name, Feature input, int outFeatures, double std);

    /** A trainable variable with initial values from {@code init}. */
    SDVariable parameter(String name, Initializer init, long... shape);

    /**
     * A non-trainable constant with the given values, row-major in {@code shape} (a sampling mask, a
     * position table). Not a checkpoint entry unless its name looks like a module's buffer ({@code a.b}).
     */
    SDVariable constant(String name, float[] values, long... shape);

    /**
     * A non-trainable constant that checkpoints carry (a module's registered buffer, such as BMN's
     * sampling mask): loaded by name, its values in PyTorch's order as they are, so that a checkpoint
     * made for other sizes is refused by its shape. {@code name} needs a dot ({@code bmn.sample_mask}),
     * as every checkpoint entry does.
     */
    SDVariable checkpointBuffer(String name, float[] values, long... shape);

    /**
     * A {@link #checkpointBuffer} whose values the component computes from its config (BMN's sampling
     * mask): a checkpoint that has it is checked against its shape, one without it still loads, and
     * action4j's own checkpoints leave it out.
     */
    SDVariable derivedBuffer(String name, float[] values, long... shape);

    /** A non-trainable constant, filled with {@code value} (e.g. running statistics). */
    SDVariable buffer(String name, float value, long... shape);

    /**
     * The output size of a convolution or pooling window along one axis of an NCTHW (or N x C x H x W)
     * input, for plugins that build such layers from raw SameDiff ops; an unknown size stays unknown.
     *
     * @param what the layer kind for the message, e.g. {@code convolution}, {@code pooling}
     * @param axis the tensor axis: 2, 3, 4 are time, height, width for rank 5; 2, 3 are height, width for rank 4
     * @throws GraphBuildException naming the layer when the window is larger than the padded input
     */
    long slidingOutput(String name, String what, TensorShape in, int axis, int kernel, int stride, int padding);

    /** Normal with mean 0 and standard deviation {@code std}. */
    static Initializer normal(double std) {
        return (values, random) -> {
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) (random.nextGaussian() * std);
            }
        };
    }

    /** Uniform in {@code [-bound, bound)}. */
    static Initializer uniform(double bound) {
        return (values, random) -> {
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) random.nextDouble(-bound, bound);
            }
        };
    }

    /** Every value {@code value}. */
    static Initializer constant(float value) {
        return (values, random) -> Arrays.fill(values, value);
    }
}
