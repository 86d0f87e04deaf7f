package io.action4j.api.detection;

import io.action4j.api.transform.Box;
import java.util.List;

/**
 * Person boxes on a keyframe, from a detector or from a proposals file (AVA-style); a
 * {@link io.action4j.api.ComponentKind#PERSON_BOX_SOURCE}.
 */
@FunctionalInterface
public interface PersonBoxSource {

    /**
     * @param videoId the video, as the annotation files name it
     * @param timestampSeconds the keyframe's time
     * @return boxes normalised to 0..1 of the frame, best first; empty when there are none
     */
    List<Box> boxes(String videoId, double timestampSeconds);
}
