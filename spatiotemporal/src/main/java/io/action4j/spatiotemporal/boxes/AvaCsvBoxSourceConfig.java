package io.action4j.spatiotemporal.boxes;

import io.action4j.api.ConfigChecks;
import io.action4j.api.ConfigValueException;

/**
 * Config of {@code ava_csv_boxes}.
 *
 * @param file the AVA-format CSV of person boxes (proposals or detections); empty in the default,
 *             since there is no sensible default, and rejected when the source is created
 * @param minScore boxes scoring below this are dropped, in [0, 1]; rows without a score count as 1.0
 */
public record AvaCsvBoxSourceConfig(String file, double minScore) {

    public AvaCsvBoxSourceConfig {
        if (file == null) {
            throw new ConfigValueException("file", "is required");
        }
        ConfigChecks.inRange("minScore", minScore, 0.0, 1.0);
    }

    public static AvaCsvBoxSourceConfig defaults() {
        return new AvaCsvBoxSourceConfig("", 0.0);
    }
}
