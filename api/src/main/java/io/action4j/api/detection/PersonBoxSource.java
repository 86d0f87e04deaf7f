package io.action4j.api.detection;

import java.util.List;

/**
 * Person boxes on a keyframe: from a detector that looks at the frame, or from a proposals file (AVA-style)
 * that looks them up by video and time; a {@link io.action4j.api.ComponentKind#PERSON_BOX_SOURCE}. A source
 * may hold native resources (a detector's graph): close it when done.
 */
@FunctionalInterface
public interface PersonBoxSource extends AutoCloseable {

    /**
     * @return the people on {@code keyframe}, best first; empty when there are none
     */
    List<PersonBox> boxes(Keyframe keyframe);

    /** Frees what the source holds; nothing by default. */
    @Override
    default void close() {
    }
}
