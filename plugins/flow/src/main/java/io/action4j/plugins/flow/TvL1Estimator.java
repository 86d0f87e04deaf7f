package io.action4j.plugins.flow;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_optflow.DualTVL1OpticalFlow;

/** TV-L1 flow, {@code cv::optflow::DualTVL1OpticalFlow}: its object keeps buffers between calls, one per thread. */
final class TvL1Estimator extends OpenCvFlowEstimator {

    private final DualTVL1OpticalFlow algorithm;

    TvL1Estimator(TvL1Config config) {
        super(config.warpedFlow());
        this.algorithm = DualTVL1OpticalFlow.create(config.tau(), config.lambda(), config.theta(), config.scales(),
                config.warps(), config.epsilon(), config.innerIterations(), config.outerIterations(),
                config.scaleStep(), config.gamma(), config.medianFiltering(), false);
    }

    @Override
    void compute(Mat previous, Mat next, Mat flow) {
        algorithm.calc(previous, next, flow);
    }

    @Override
    void closeAlgorithm() {
        algorithm.close();
    }
}
