package io.action4j.spatiotemporal;

import io.action4j.api.VideoPlugin;
import io.action4j.api.detection.PersonBoxSourceFactory;
import io.action4j.api.metric.MetricFactory;
import io.action4j.api.model.DetectionHeadFactory;
import io.action4j.spatiotemporal.head.AvaBBoxHeadFactory;
import io.action4j.spatiotemporal.boxes.AvaCsvBoxSourceFactory;
import io.action4j.spatiotemporal.metric.AvaFrameMapFactory;
import java.util.List;

/** AVA-style spatio-temporal action detection: the frame-mAP metric and a CSV person-box source. */
public final class SpatioTemporalPlugin implements VideoPlugin {

    @Override
    public String apiVersion() {
        return VideoPlugin.API_VERSION;
    }

    @Override
    public List<DetectionHeadFactory<?>> detectionHeads() {
        return List.of(new AvaBBoxHeadFactory());
    }

    @Override
    public List<MetricFactory<?>> metrics() {
        return List.of(new AvaFrameMapFactory());
    }

    @Override
    public List<PersonBoxSourceFactory<?>> personBoxSources() {
        return List.of(new AvaCsvBoxSourceFactory());
    }
}
