package io.action4j.plugins.flow;

import static org.bytedeco.opencv.global.opencv_video.OPTFLOW_FARNEBACK_GAUSSIAN;
import static org.bytedeco.opencv.global.opencv_video.calcOpticalFlowFarneback;

import org.bytedeco.opencv.opencv_core.Mat;

/** Gunnar Farneback's polynomial-expansion flow, {@code cv::calcOpticalFlowFarneback}; a function, no state. */
final class FarnebackEstimator extends OpenCvFlowEstimator {

    private final FarnebackConfig config;

    FarnebackEstimator(FarnebackConfig config) {
        super(config.warpedFlow());
        this.config = config;
    }

    @Override
    void compute(Mat previous, Mat next, Mat flow) {
        calcOpticalFlowFarneback(previous, next, flow, config.pyrScale(), config.levels(), config.winSize(),
                config.iterations(), config.polyN(), config.polySigma(),
                config.gaussian() ? OPTFLOW_FARNEBACK_GAUSSIAN : 0);
    }

    @Override
    void closeAlgorithm() {
    }
}
