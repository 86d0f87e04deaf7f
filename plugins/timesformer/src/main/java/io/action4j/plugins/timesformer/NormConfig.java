package io.action4j.plugins.timesformer;

import io.action4j.api.ConfigChecks;
import io.action4j.api.ConfigValueException;
import java.util.List;

/**
 * MMAction2's {@code norm_cfg}: {@code {type: LN, eps: 1e-6}}. Only layer norm exists here.
 *
 * @param type {@code LN}
 * @param eps added to the variance
 */
public record NormConfig(String type, double eps) {

    public static final NormConfig LAYER_NORM = new NormConfig("LN", 1e-6);

    public NormConfig {
        ConfigChecks.oneOf("normCfg.type", ConfigChecks.required("normCfg.type", type), List.of("LN"));
        if (!(eps > 0 && eps <= 1)) {
            throw new ConfigValueException("normCfg.eps", "must be in (0, 1], got " + eps);
        }
    }
}
