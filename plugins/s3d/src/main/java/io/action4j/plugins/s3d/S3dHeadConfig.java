package io.action4j.plugins.s3d;

import io.action4j.api.ConfigChecks;
import java.util.List;

/**
 * torchvision's S3D classifier: an average pool of {@code poolKernel} with stride 1, dropout
 * (identity at inference, so not a key here), a 1x1x1 convolution with bias to
 * {@code numClasses}, then the mean over time and space. Its input width is taken from the
 * backbone's declared output.
 *
 * @param numClasses classes to score (torchvision's {@code num_classes})
 * @param poolKernel the average pool's (t, h, w) kernel; torchvision fixes (2, 7, 7), which
 *     needs features of at least 2 x 7 x 7 (clips of 16 x 224 x 224 or more). Set it smaller for
 *     smaller clips, e.g. (2, 4, 4) for 112 x 112
 */
public record S3dHeadConfig(int numClasses, List<Integer> poolKernel) {

    public static final S3dHeadConfig DEFAULTS = new S3dHeadConfig(400, List.of(2, 7, 7));

    public S3dHeadConfig {
        ConfigChecks.positive("numClasses", numClasses);
        poolKernel = ConfigChecks.positiveTriple("poolKernel", poolKernel);
    }
}
