package io.action4j.spatiotemporal.head;

import io.action4j.api.model.DetectionHead;
import io.action4j.api.model.DetectionHeadFactory;

/** Registers {@link AvaBBoxHead} as {@value #NAME} (MMAction2's {@code BBoxHeadAVA}). */
public final class AvaBBoxHeadFactory implements DetectionHeadFactory<AvaBBoxHeadConfig> {

    public static final String NAME = "bbox_head_ava";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<AvaBBoxHeadConfig> configType() {
        return AvaBBoxHeadConfig.class;
    }

    @Override
    public AvaBBoxHeadConfig defaultConfig() {
        return AvaBBoxHeadConfig.AVA;
    }

    @Override
    public DetectionHead create(AvaBBoxHeadConfig config) {
        return new AvaBBoxHead(config);
    }

    @Override
    public String description() {
        return "AVA RoI head: temporal pooling, RoIAlign per person box, spatial pooling, linear multi-label classifier "
                + "(MMAction2's SingleRoIExtractor3D + BBoxHeadAVA, its checkpoint keys)";
    }
}
