package io.action4j.plugins.s3d;

import io.action4j.api.model.Feature;
import io.action4j.api.model.GraphBuilder;
import io.action4j.api.model.RecognitionHead;

/**
 * torchvision's S3D classifier, as its {@code forward} computes it: {@code avgpool} (stride 1),
 * {@code classifier.1} (a 1x1x1 Conv3d with bias; {@code classifier.0} is dropout, absent at
 * inference), mean over time and space.
 *
 * <p>Why not the {@code i3d} head (global mean, then linear): the stride-1 window pool then mean
 * weights positions unevenly (with 4 time steps and kernel 2, the middle two count twice), so the
 * two agree only when the features are exactly the pool kernel's size (16 x 224 x 224 clips);
 * torchvision evaluates 128-frame clips. The classifier also stays a conv weight
 * ({@code cls_head/classifier.1.weight}, 1 x 1 x 1 x in x classes), so a torchvision checkpoint
 * loads by the rank-5 rule like every other conv.
 */
final class S3dHead implements RecognitionHead {

    private static final int[] ONE = {1, 1, 1};
    private static final int[] NO_PADDING = {0, 0, 0};

    private final S3dHeadConfig config;

    S3dHead(S3dHeadConfig config) {
        this.config = config;
    }

    @Override
    public int numClasses() {
        return config.numClasses();
    }

    @Override
    public Feature build(GraphBuilder graph, Feature features) {
        int[] kernel = config.poolKernel().stream().mapToInt(Integer::intValue).toArray();
        Feature pooled = graph.avgPool3d("avgpool", features, kernel, ONE);
        Feature scores = graph.conv3d("classifier.1", pooled, config.numClasses(), ONE, ONE, NO_PADDING, true);
        return graph.globalAveragePool("mean", scores);
    }
}
