package io.action4j.spatiotemporal.train;

import io.action4j.api.detection.NormalizedBox;
import io.action4j.api.transform.Box;
import io.action4j.api.transform.FormattedClip;
import io.action4j.api.video.VideoDecoder;
import io.action4j.api.video.VideoMetadata;
import io.action4j.api.video.VideoReader;
import io.action4j.engine.data.ClipPipeline;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * The clip around one annotated keyframe, with boxes on it, as the data pipeline makes it: the keyframe
 * at {@code round(seconds * fps)} of the video file, its sampler (e.g. {@code sample_ava_frames}) and
 * transforms, the boxes moved with the pixels.
 */
final class KeyframeClips {

    private final AvaVideos videos;
    private final Function<Path, VideoDecoder> decoders;
    private final ClipPipeline pipeline;

    KeyframeClips(AvaVideos videos, Function<Path, VideoDecoder> decoders, ClipPipeline pipeline) {
        this.videos = videos;
        this.decoders = decoders;
        this.pipeline = pipeline;
    }

    /** @return one N x C x T x H x W view (N = 1) with {@code boxes} in its pixels, in their order */
    FormattedClip clip(String videoId, double seconds, List<NormalizedBox> boxes, RandomGenerator random)
            throws IOException {
        Path video = videos.video(videoId);
        try (VideoReader reader = decoders.apply(video).open(video)) {
            VideoMetadata metadata = reader.metadata();
            int keyframe = (int) Math.round(seconds * metadata.fps());
            if (keyframe >= metadata.frameCount()) {
                throw new IOException(video + ": keyframe at " + seconds + " s is frame " + keyframe + ", past the "
                        + metadata.frameCount() + " frames of the video");
            }
            List<Box> pixels = boxes.stream().map(box -> box.toPixels(metadata.width(), metadata.height())).toList();
            FormattedClip clip = pipeline.run(reader, random, OptionalInt.of(keyframe), pixels).tensor();
            int[] shape = clip.shape();
            if (shape.length != 5 || shape[0] != 1) {
                throw new IllegalArgumentException("the data pipeline made a clip of shape " + Arrays.toString(shape)
                        + "; detection needs one N x C x T x H x W view per keyframe");
            }
            if (clip.boxes().size() != boxes.size()) {
                throw new IllegalStateException("the data pipeline turned " + boxes.size() + " boxes into "
                        + clip.boxes().size() + "; its transforms must keep every box");
            }
            return clip;
        }
    }
}
