package io.action4j.plugins.flow;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_video.DISOpticalFlow;

/** Dense Inverse Search, {@code cv::DISOpticalFlow}: its object keeps buffers between calls, one per thread. */
final class DisEstimator extends OpenCvFlowEstimator {

    private final DISOpticalFlow algorithm;

    DisEstimator(DisConfig config) {
        super(config.warpedFlow());
        algorithm = DISOpticalFlow.create(config.presetCode());
        if (config.finestScale() != null) {
            algorithm.setFinestScale(config.finestScale());
        }
        if (config.patchSize() != null) {
            algorithm.setPatchSize(config.patchSize());
        }
        if (config.patchStride() != null) {
            algorithm.setPatchStride(config.patchStride());
        }
        if (config.gradientDescentIterations() != null) {
            algorithm.setGradientDescentIterations(config.gradientDescentIterations());
        }
        if (config.variationalRefinementIterations() != null) {
            algorithm.setVariationalRefinementIterations(config.variationalRefinementIterations());
        }
        if (config.variationalRefinementAlpha() != null) {
            algorithm.setVariationalRefinementAlpha(config.variationalRefinementAlpha().floatValue());
        }
        if (config.variationalRefinementDelta() != null) {
            algorithm.setVariationalRefinementDelta(config.variationalRefinementDelta().floatValue());
        }
        if (config.variationalRefinementGamma() != null) {
            algorithm.setVariationalRefinementGamma(config.variationalRefinementGamma().floatValue());
        }
        if (config.useMeanNormalization() != null) {
            algorithm.setUseMeanNormalization(config.useMeanNormalization());
        }
        if (config.useSpatialPropagation() != null) {
            algorithm.setUseSpatialPropagation(config.useSpatialPropagation());
        }
    }

    @Override
    void compute(Mat previous, Mat next, Mat flow) {
        // DIS starts from the output's content when it has the frames' size: each pair must start from nothing.
        forgetPreviousFlow();
        algorithm.calc(previous, next, flow);
    }

    @Override
    void closeAlgorithm() {
        algorithm.close();
    }
}
