package io.action4j.spatiotemporal.run;

import io.action4j.api.detection.NormalizedBox;
import io.action4j.api.video.Overlay;
import io.action4j.api.video.VideoDecoder;
import io.action4j.api.video.VideoEncoder;
import io.action4j.api.video.VideoMetadata;
import io.action4j.api.video.VideoReader;
import io.action4j.engine.config.KeyframesConfig;
import io.action4j.engine.recognition.AnnotatedVideo;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A copy of the video with each person's box, track id and top actions drawn on it: every frame shows
 * the keyframe nearest to it (within half a stride). Listening to a detection run keeps what is drawn,
 * a few boxes and labels per keyframe, not frames; {@link #write} then copies the video in a second
 * streaming pass.
 */
public final class DetectionVideo implements DetectionListener {

    /** Actions named per person on the video. */
    private static final int ACTIONS_SHOWN = 2;

    private record Drawn(NormalizedBox box, String label) {
    }

    private final KeyframesConfig keyframes;
    private final double actionThreshold;
    private final Map<Integer, List<Drawn>> byKeyframe = new HashMap<>();

    /**
     * @param keyframes where the keyframes fall (the detector's config)
     * @param actionThreshold the least score for an action to be named
     */
    public DetectionVideo(KeyframesConfig keyframes, double actionThreshold) {
        this.keyframes = keyframes;
        this.actionThreshold = actionThreshold;
    }

    @Override
    public void keyframe(KeyframeDetections keyframe) {
        List<Drawn> drawn = new ArrayList<>();
        for (PersonDetection person : keyframe.people()) {
            StringBuilder label = new StringBuilder("#").append(person.trackId());
            person.actionsAbove(actionThreshold).stream().limit(ACTIONS_SHOWN).forEach(action -> label.append(' ')
                    .append(action.label()).append(String.format(Locale.ROOT, " %.2f", action.score())));
            drawn.add(new Drawn(person.box(), label.toString()));
        }
        byKeyframe.put(keyframe.index(), drawn);
    }

    /** Writes the annotated copy of {@code source} to {@code target} (it appears there once complete). */
    public void write(VideoDecoder decoder, Path source, VideoEncoder encoder, Path target) throws IOException {
        VideoMetadata metadata;
        try (VideoReader reader = decoder.open(source)) {
            metadata = reader.metadata();
        }
        int width = metadata.width();
        int height = metadata.height();
        double fps = metadata.fps();
        AnnotatedVideo.write(decoder, source, encoder, target, position -> {
            double seconds = position / fps;
            long nearest = Math.round((seconds - keyframes.start()) / keyframes.stride());
            List<Drawn> drawn = nearest < 0 || nearest > Integer.MAX_VALUE ? null : byKeyframe.get((int) nearest);
            if (drawn == null || drawn.isEmpty()) {
                return Overlay.NONE;
            }
            List<Overlay.Box> boxes = drawn.stream().map(d -> new Overlay.Box(d.box().x1() * width,
                    d.box().y1() * height, d.box().x2() * width, d.box().y2() * height, d.label())).toList();
            return new Overlay(List.of(), boxes);
        });
    }
}
