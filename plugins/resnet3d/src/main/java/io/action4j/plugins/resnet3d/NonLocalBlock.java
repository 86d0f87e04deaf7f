package io.action4j.plugins.resnet3d;

import io.action4j.api.model.Feature;
import io.action4j.api.model.GraphBuildException;
import io.action4j.api.model.GraphBuilder;
import io.action4j.api.model.TensorShape;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * mmcv's {@code NonLocal3d} (Wang et al., "Non-local Neural Networks", 2018) as MMAction2's ResNet3d
 * inserts it after a block ({@code layerN.M.non_local_block}), reduction 2, modes
 * {@code embedded_gaussian} and {@code dot_product}:
 *
 * <pre>
 *   g, theta, phi = 1x1x1 convolutions with bias to C/2 channels (g and phi then max-pooled (1, 2, 2) with sub-sampling)
 *   pairwise      = theta(x)^T phi(x)                   P x M, P = T*H*W positions, M = those after sub-sampling
 *   embedded_gaussian: softmax over M (of pairwise / sqrt(C/2) with use_scale);  dot_product: pairwise / M
 *   y             = pairwise g(x)                        back to C/2 x T x H x W
 *   output        = x + BN(conv_out(y))                  conv_out 1x1x1, no bias
 * </pre>
 *
 * Keys: {@code g.conv.weight/bias} ({@code g.0.conv.*} with sub-sampling, where mmcv wraps the
 * module in {@code nn.Sequential} with the pool), {@code theta.conv.*}, {@code phi.conv.*}
 * ({@code phi.0.conv.*}), {@code conv_out.conv.weight}, {@code conv_out.bn.*}. MMAction2 zero-initialises
 * {@code conv_out.bn}'s weight, so a freshly built block is the identity; loaded weights make it work.
 */
final class NonLocalBlock {

    private static final int[] ONE = {1, 1, 1};
    private static final int[] NO_PADDING = {0, 0, 0};
    private static final int[] SUB_SAMPLE = {1, 2, 2};

    private NonLocalBlock() {
    }

    static Feature build(ConvUnits units, String name, Feature x, String mode, boolean subSample, boolean useScale) {
        GraphBuilder graph = units.graph();
        SameDiff sd = graph.sameDiff();
        TensorShape shape = x.shape();
        long channels = shape.dim(1);
        int inner = Math.toIntExact(channels / 2);
        if (inner < 1) {
            throw new GraphBuildException(graph.qualified(name) + ": needs at least 2 channels, got " + shape);
        }
        for (int axis = 2; axis < 5; axis++) {
            if (shape.dim(axis) == TensorShape.UNKNOWN) {
                throw new GraphBuildException(graph.qualified(name) + ": needs a known time and size, got " + shape);
            }
        }
        String pooled = subSample ? ".0" : "";
        Feature g = graph.conv3d(name + ".g" + pooled + ".conv", x, inner, ONE, ONE, NO_PADDING, true);
        Feature theta = graph.conv3d(name + ".theta.conv", x, inner, ONE, ONE, NO_PADDING, true);
        Feature phi = graph.conv3d(name + ".phi" + pooled + ".conv", x, inner, ONE, ONE, NO_PADDING, true);
        if (subSample) {
            g = graph.maxPool3d(name + ".g.1", g, SUB_SAMPLE, SUB_SAMPLE, NO_PADDING);
            phi = graph.maxPool3d(name + ".phi.1", phi, SUB_SAMPLE, SUB_SAMPLE, NO_PADDING);
        }
        long positions = shape.dim(2) * shape.dim(3) * shape.dim(4);
        long pooledPositions = g.shape().dim(2) * g.shape().dim(3) * g.shape().dim(4);

        // N x P x C', N x C' x M, N x M x C' (torch's view / permute; ND4J arrays are row-major too).
        SDVariable thetaX = sd.permute(name + ".theta_x",
                sd.reshape(name + ".theta_flat", theta.variable(), -1, inner, positions), 0, 2, 1);
        SDVariable phiX = sd.reshape(name + ".phi_x", phi.variable(), -1, inner, pooledPositions);
        SDVariable gX = sd.permute(name + ".g_x",
                sd.reshape(name + ".g_flat", g.variable(), -1, inner, pooledPositions), 0, 2, 1);

        SDVariable pairwise = sd.mmul(name + ".pairwise_logits", thetaX, phiX);
        if (ResNet3dConfig.EMBEDDED_GAUSSIAN.equals(mode)) {
            if (useScale) {
                pairwise = pairwise.div(name + ".pairwise_scaled", Math.sqrt(inner));
            }
            pairwise = sd.nn().softmax(name + ".pairwise", pairwise, 2);
        } else {
            pairwise = pairwise.div(name + ".pairwise", pooledPositions);
        }
        SDVariable y = sd.mmul(name + ".y_flat", pairwise, gX);
        y = sd.reshape(name + ".y", sd.permute(name + ".y_t", y, 0, 2, 1),
                -1, inner, shape.dim(2), shape.dim(3), shape.dim(4));
        Feature out = units.conv(name + ".conv_out", new Feature(y, shape.with(1, inner)), Math.toIntExact(channels),
                ONE, ONE, NO_PADDING, false);
        return graph.add(name + ".add", x, out);
    }
}
