package io.action4j.spatiotemporal.metric;

import io.action4j.api.ConfigValueException;
import java.util.List;
import java.util.Objects;

/**
 * Config of {@code ava_frame_map}.
 *
 * <p>The classes to evaluate are config, not part of the samples: they come from the label map
 * (or a custom subset), which is fixed for a whole evaluation, while samples only carry boxes.
 * Leaving the list empty evaluates every class that occurs, as MMAction2 does with no whitelist.
 *
 * @param iouThreshold the IoU a detection needs with its best-overlapping box to count, in (0, 1]
 * @param classIds the action ids to evaluate (e.g. the label map's); empty for all
 */
public record AvaFrameMapConfig(double iouThreshold, List<Integer> classIds) {

    public static final double DEFAULT_IOU_THRESHOLD = 0.5;

    public AvaFrameMapConfig {
        if (!(iouThreshold > 0 && iouThreshold <= 1)) {
            throw new ConfigValueException("iouThreshold", "must be in (0, 1], got " + iouThreshold);
        }
        if (classIds == null || classIds.stream().anyMatch(Objects::isNull)) {
            throw new ConfigValueException("classIds", "must be a list of action ids, got " + classIds);
        }
        classIds = List.copyOf(classIds);
    }

    public static AvaFrameMapConfig defaults() {
        return new AvaFrameMapConfig(DEFAULT_IOU_THRESHOLD, List.of());
    }

    /** A copy that evaluates only the given classes, e.g. the ids of a label map. */
    public AvaFrameMapConfig withClassIds(List<Integer> ids) {
        return new AvaFrameMapConfig(iouThreshold, ids);
    }
}
