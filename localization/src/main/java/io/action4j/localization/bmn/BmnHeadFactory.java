package io.action4j.localization.bmn;

import io.action4j.api.model.CheckpointKeyMapping;
import io.action4j.api.model.CheckpointKeyMapping.Layout;
import io.action4j.api.model.CheckpointKeyMapping.Rule;
import io.action4j.api.model.LocalizationHead;
import io.action4j.api.model.LocalizationHeadFactory;
import java.util.List;

/** Registers {@link BmnHead} as {@value #NAME}. */
public final class BmnHeadFactory implements LocalizationHeadFactory<BmnConfig> {

    public static final String NAME = "bmn";

    /**
     * MMAction2's BMN checkpoints: BMN is the whole model there, so its keys have no component prefix
     * ({@code x_1d_b.0.weight}); its {@code sample_mask} and {@code bm_mask} load into the graph's
     * buffers, so a checkpoint made for another temporal length is refused by their shapes.
     */
    static final CheckpointKeyMapping MMACTION2_BMN = new CheckpointKeyMapping("mmaction2_bmn", Layout.TORCH,
            List.of(Rule.of("^(?:module\\.)?(x_(?:1d_b|1d_s|1d_e|1d_p|3d_p|2d_p)\\..+)$", "loc_head/$1"),
                    Rule.of("^(?:module\\.)?(sample_mask|bm_mask)$", "loc_head/bmn.$1")),
            List.of("x_1d_b.0.weight", "x_3d_p.0.weight", "bm_mask"));

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<BmnConfig> configType() {
        return BmnConfig.class;
    }

    @Override
    public BmnConfig defaultConfig() {
        return BmnConfig.ACTIVITYNET;
    }

    @Override
    public LocalizationHead create(BmnConfig config) {
        return new BmnHead(config);
    }

    @Override
    public List<CheckpointKeyMapping> checkpointKeyMappings() {
        return List.of(MMACTION2_BMN);
    }

    @Override
    public String description() {
        return "BMN boundary-matching network over N x featDim x temporalDim snippet features: start/end "
                + "probabilities and a T x T proposal confidence map, decoded with Soft-NMS (MMAction2's module names)";
    }
}
