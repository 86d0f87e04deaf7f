package io.action4j.spatiotemporal.boxes;

import io.action4j.api.ConfigChecks;
import io.action4j.api.ConfigValueException;
import java.util.List;

/**
 * Config of {@code ava_csv_boxes}.
 *
 * @param file the AVA-format CSV of person boxes (proposals or detections); empty in the default,
 *             since there is no sensible default, and rejected when the source is created
 * @param minScore boxes scoring below this are dropped, in [0, 1]; rows without a score count as 1.0
 * @param outsideFrame a box reaching outside [0, 1]: {@code clip} it to the frame (default) or
 *                     {@code reject} the file, naming it and the row
 */
public record AvaCsvBoxSourceConfig(String file, double minScore, String outsideFrame) {

    public static final List<String> OUTSIDE_FRAME = List.of("clip", "reject");

    public AvaCsvBoxSourceConfig(String file, double minScore) {
        this(file, minScore, null);
    }

    public AvaCsvBoxSourceConfig {
        if (file == null) {
            throw new ConfigValueException("file", "is required");
        }
        ConfigChecks.inRange("minScore", minScore, 0.0, 1.0);
        outsideFrame = outsideFrame == null ? "clip" : outsideFrame;
        ConfigChecks.oneOf("outsideFrame", outsideFrame, OUTSIDE_FRAME);
    }

    public static AvaCsvBoxSourceConfig defaults() {
        return new AvaCsvBoxSourceConfig("", 0.0, "clip");
    }
}
