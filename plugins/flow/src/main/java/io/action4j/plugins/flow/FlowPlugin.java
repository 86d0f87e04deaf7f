package io.action4j.plugins.flow;

import io.action4j.api.VideoPlugin;
import io.action4j.api.flow.FlowEstimatorFactory;
import io.action4j.api.transform.TransformFactory;
import java.util.List;

/**
 * Dense optical flow through OpenCV: the estimators {@code farneback}, {@code tvl1} and {@code dis}, and the
 * {@code optical_flow} transform that computes flow inside a data pipeline.
 */
public final class FlowPlugin implements VideoPlugin {

    @Override
    public String apiVersion() {
        return VideoPlugin.API_VERSION;
    }

    @Override
    public List<FlowEstimatorFactory<?>> flowEstimators() {
        return List.of(new FarnebackFactory(), new TvL1Factory(), new DisFactory());
    }

    @Override
    public List<TransformFactory<?>> transforms() {
        return List.of(new OpticalFlowFactory());
    }
}
