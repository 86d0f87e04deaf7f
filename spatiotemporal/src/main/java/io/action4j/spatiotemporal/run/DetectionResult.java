package io.action4j.spatiotemporal.run;

import io.action4j.engine.stream.StagedPipeline;
import io.action4j.spatiotemporal.track.PersonSegment;
import java.util.List;

/**
 * What a detection run over one video found, and how it ran.
 *
 * @param video the file
 * @param videoId its id in AVA files
 * @param durationSeconds its length
 * @param framesDecoded frames decoded (each once)
 * @param maxFramesHeld the most frames held at once for keyframe clips
 * @param keyframes keyframes looked at
 * @param people person boxes over all keyframes
 * @param tracks people followed over time
 * @param segments every person's action segments, by track, then start
 * @param pipeline each stage's work and each queue's occupancy
 */
public record DetectionResult(String video, String videoId, double durationSeconds, long framesDecoded,
                              int maxFramesHeld, int keyframes, long people, int tracks, List<PersonSegment> segments,
                              StagedPipeline.PipelineReport pipeline) {

    public DetectionResult {
        segments = List.copyOf(segments);
    }
}
