package io.action4j.spatiotemporal.metric;

import io.action4j.api.metric.Metric;
import io.action4j.api.metric.MetricFactory;

/** Creates {@link AvaFrameMap}, AVA's frame-level mAP as MMAction2 computes it. */
public final class AvaFrameMapFactory implements MetricFactory<AvaFrameMapConfig> {

    public static final String NAME = "ava_frame_map";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<AvaFrameMapConfig> configType() {
        return AvaFrameMapConfig.class;
    }

    @Override
    public AvaFrameMapConfig defaultConfig() {
        return AvaFrameMapConfig.defaults();
    }

    @Override
    public Metric<?> create(AvaFrameMapConfig config) {
        return new AvaFrameMap(config);
    }

    @Override
    public String description() {
        return "AVA frame-mAP: per-class Pascal VOC AP over keyframes, as MMAction2 v1.2.0 computes it";
    }
}
