package io.action4j.plugins.flow;

import io.action4j.api.VideoPlugin;
import io.action4j.api.flow.FlowEstimatorFactory;
import java.util.List;

/** Dense optical flow through OpenCV: {@code farneback}, {@code tvl1} and {@code dis}. */
public final class FlowPlugin implements VideoPlugin {

    @Override
    public String apiVersion() {
        return VideoPlugin.API_VERSION;
    }

    @Override
    public List<FlowEstimatorFactory<?>> flowEstimators() {
        return List.of(new FarnebackFactory(), new TvL1Factory(), new DisFactory());
    }
}
