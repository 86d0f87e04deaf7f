package io.action4j.engine.training;

import java.util.Collection;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * {@code torch.nn.utils.clip_grad_norm_}: the p-norm of all gradients together (the norm of the
 * per-tensor norms), and when it exceeds {@code maxNorm} every gradient scaled in place by
 * {@code maxNorm / (totalNorm + 1e-6)}.
 *
 * <p>As PyTorch (with {@code error_if_nonfinite=False}, mmengine's default), a NaN or infinite
 * total norm is not an error: the scale is then NaN or 0 and the gradients follow. The returned
 * norm (logged as {@code grad_norm}) lets the caller see it and skip the step.
 */
public final class GradientClipping {

    private GradientClipping() {
    }

    /** Clips as {@code config} says; returns the total norm before clipping. */
    public static double clip(Collection<INDArray> gradients, ClipGradConfig config) {
        return clip(gradients, config.maxNorm(), config.normType());
    }

    /**
     * @param normType positive, or {@link Double#POSITIVE_INFINITY} for the largest absolute value
     * @return the total norm before clipping; 0 for no gradients
     */
    public static double clip(Collection<INDArray> gradients, double maxNorm, double normType) {
        if (!(normType > 0.0)) {
            throw new IllegalArgumentException("normType must be positive, got " + normType);
        }
        double total = totalNorm(gradients, normType);
        double scale = maxNorm / (total + 1e-6);
        // Written so that NaN scales too, as torch.clamp(scale, max=1) passes NaN through.
        if (!(scale >= 1.0)) {
            for (INDArray gradient : gradients) {
                // A scalar array, not muli(double): ND4J M2.1 turns a NaN double scalar into 1e-5.
                gradient.muli(Nd4j.scalar(gradient.dataType(), scale));
            }
        }
        return total;
    }

    /** The p-norm of all gradients taken as one vector. */
    public static double totalNorm(Collection<INDArray> gradients, double normType) {
        double accumulated = 0.0;
        for (INDArray gradient : gradients) {
            if (normType == Double.POSITIVE_INFINITY) {
                accumulated = Math.max(accumulated, gradient.normmaxNumber().doubleValue());
            } else if (normType == 2.0) {
                double norm = gradient.norm2Number().doubleValue();
                accumulated += norm * norm;
            } else if (normType == 1.0) {
                accumulated += gradient.norm1Number().doubleValue();
            } else {
                accumulated += Transforms.pow(Transforms.abs(gradient, true), normType, false).sumNumber().doubleValue();
            }
        }
        if (normType == Double.POSITIVE_INFINITY || normType == 1.0) {
            return accumulated;
        }
        return normType == 2.0 ? Math.sqrt(accumulated) : Math.pow(accumulated, 1.0 / normType);
    }
}
