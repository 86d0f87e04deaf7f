package io.action4j.localization.bsn;

import io.action4j.api.model.CheckpointKeyMapping;
import io.action4j.api.model.CheckpointKeyMapping.Layout;
import io.action4j.api.model.CheckpointKeyMapping.Rule;
import io.action4j.api.model.LocalizationHead;
import io.action4j.api.model.LocalizationHeadFactory;
import java.util.List;

/** Registers {@link TemHead} as {@value #NAME}. */
public final class TemHeadFactory implements LocalizationHeadFactory<TemConfig> {

    public static final String NAME = "tem";

    /** MMAction2's TEM checkpoints: the whole model is the TEM, its keys have no prefix ({@code conv1.weight}). */
    static final CheckpointKeyMapping MMACTION2_TEM = new CheckpointKeyMapping("mmaction2_tem", Layout.TORCH,
            List.of(Rule.of("^(?:module\\.)?(conv[123]\\..+)$", "loc_head/$1")),
            List.of("conv1.weight", "conv2.weight", "conv3.weight", "conv3.bias"));

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<TemConfig> configType() {
        return TemConfig.class;
    }

    @Override
    public TemConfig defaultConfig() {
        return TemConfig.ACTIVITYNET;
    }

    @Override
    public LocalizationHead create(TemConfig config) {
        return new TemHead(config);
    }

    @Override
    public List<CheckpointKeyMapping> checkpointKeyMappings() {
        return List.of(MMACTION2_TEM);
    }

    @Override
    public String description() {
        return "BSN's temporal evaluation module (actionness, start, end per step) with BSN's candidate proposals "
                + "scored start x end and Soft-NMS: the baseline beside bmn (MMAction2's module names)";
    }
}
