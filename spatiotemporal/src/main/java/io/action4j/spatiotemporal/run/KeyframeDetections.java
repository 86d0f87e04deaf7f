package io.action4j.spatiotemporal.run;

import java.util.List;

/**
 * The people on one keyframe and what each does.
 *
 * @param videoId the video, as AVA files name it (the file name without extension)
 * @param index the keyframe's number in the video, from 0
 * @param seconds the keyframe's time
 * @param people the people found there (none when the box source found none)
 */
public record KeyframeDetections(String videoId, int index, double seconds, List<PersonDetection> people) {

    public KeyframeDetections {
        people = List.copyOf(people);
    }
}
