package io.action4j.localization.metric;

import io.action4j.api.ConfigChecks;
import io.action4j.api.ConfigValueException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Config of {@code temporal_detection_map}.
 *
 * @param tiouThresholds the tIoU thresholds to report mAP at, each in (0, 1]
 */
public record TemporalDetectionMapConfig(List<Double> tiouThresholds) {

    public TemporalDetectionMapConfig {
        ConfigChecks.required("tiouThresholds", tiouThresholds);
        if (tiouThresholds.isEmpty()) {
            throw new ConfigValueException("tiouThresholds", "must hold at least one threshold");
        }
        Set<String> names = new HashSet<>();
        for (Double threshold : tiouThresholds) {
            if (threshold == null || !(threshold > 0.0 && threshold <= 1.0)) {
                throw new ConfigValueException("tiouThresholds",
                        "must hold values in (0, 1], got " + tiouThresholds);
            }
            // Each threshold is reported as mAP@x.xx; two that print alike would overwrite each other.
            if (!names.add(TemporalDetectionMap.valueName(threshold))) {
                throw new ConfigValueException("tiouThresholds",
                        "must differ at two decimals, got " + tiouThresholds);
            }
        }
        tiouThresholds = List.copyOf(tiouThresholds);
    }

    /** MMAction2's default, {@code numpy.linspace(0.5, 0.95, 10)}, computed the way numpy does. */
    public static TemporalDetectionMapConfig defaults() {
        return new TemporalDetectionMapConfig(TiouThresholds.activityNet());
    }
}
