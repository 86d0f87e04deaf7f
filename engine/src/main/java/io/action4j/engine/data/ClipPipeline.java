package io.action4j.engine.data;

import io.action4j.api.sampling.CentredClipSampler;
import io.action4j.api.sampling.CentredClips;
import io.action4j.api.sampling.ClipSampler;
import io.action4j.api.sampling.FrameSelection;
import io.action4j.api.sampling.SamplingRequest;
import io.action4j.api.transform.Box;
import io.action4j.api.transform.Clip;
import io.action4j.api.transform.ClipFormatter;
import io.action4j.api.transform.FormattedClip;
import io.action4j.api.transform.Image;
import io.action4j.api.transform.Transform;
import io.action4j.api.video.VideoException;
import io.action4j.api.video.VideoFrame;
import io.action4j.api.video.VideoMetadata;
import io.action4j.api.video.VideoReader;
import io.action4j.engine.config.DataConfig;
import io.action4j.engine.model.TensorBudget;
import io.action4j.registry.config.ComponentSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.random.RandomGenerator;

/**
 * A {@link DataConfig} made runnable: sample frame indices, decode only those frames, apply the
 * transforms in order, format the tensor. Build once, run on many videos.
 */
public final class ClipPipeline {

    private final ClipSampler sampler;
    private final List<Transform> transforms;
    private final ClipFormatter formatter;

    private ClipPipeline(ClipSampler sampler, List<Transform> transforms, ClipFormatter formatter) {
        this.sampler = sampler;
        this.transforms = List.copyOf(transforms);
        this.formatter = formatter;
    }

    public static ClipPipeline build(DataConfig data) {
        List<Transform> transforms = new ArrayList<>();
        for (ComponentSpec step : data.pipeline()) {
            transforms.add(step.create(Transform.class));
        }
        return new ClipPipeline(data.sampler().create(ClipSampler.class), transforms, new ClipFormatter(data.format()));
    }

    /** What a pipeline run produced: the sampled indices (clip after clip) and the tensor. */
    public record Result(FrameSelection selection, FormattedClip tensor) {
    }

    /** @param random the only source of randomness (train-mode sampling, random crops, flips) */
    public Result run(VideoReader reader, RandomGenerator random) throws VideoException {
        return run(reader, random, OptionalInt.empty(), List.of());
    }

    /**
     * A clip around {@code keyframe} (AVA-style sampling) with {@code boxes} on it, which the transforms
     * move with the pixels: the result's tensor carries them in the formatted frames' coordinates.
     *
     * @param boxes in the decoded frames' pixel coordinates
     */
    public Result run(VideoReader reader, RandomGenerator random, OptionalInt keyframe, List<Box> boxes)
            throws VideoException {
        VideoMetadata metadata = reader.metadata();
        FrameSelection selection;
        try {
            selection = sample(new SamplingRequest(metadata.frameCount(), metadata.fps(), metadata.startIndex(),
                    keyframe), random);
        } catch (IllegalArgumentException e) {
            // A sampler refuses a video it cannot sample (no frames, too short for its clips): that video fails.
            throw new VideoException(Path.of(reader.source()), e.getMessage(), e);
        }
        checkFramesFit(reader.source(), selection, metadata, TensorBudget.ofThisMachine());
        List<VideoFrame> frames = reader.read(selection.indices());
        return new Result(selection, transform(selection, frames, random, boxes));
    }

    /**
     * Refuses, before decoding, sampled frames that cannot be held: the header's frame size (which a file
     * states, and FFmpeg accepts up to about 16k x 16k) times the frames sampled, as the transforms' float
     * pixels. Names the video, the frames and their size.
     */
    static void checkFramesFit(String video, FrameSelection selection, VideoMetadata metadata, TensorBudget budget) {
        budget.check(video + ": " + selection.indices().length + " sampled frames of " + metadata.width() + "x"
                        + metadata.height(), new long[] {selection.indices().length, metadata.height(), metadata.width(), 3},
                Float.BYTES, "sample fewer frames (clipLen, numClips) or resize the video first");
    }

    /**
     * Where the sampler's clips fall when they are centred every so many frames (MMAction2's
     * {@code UntrimmedSampleFrames}), so that a stream can make them one at a time; empty for other samplers.
     */
    public Optional<CentredClips> centredClips() {
        return sampler instanceof CentredClipSampler centred ? Optional.of(centred.centredClips()) : Optional.empty();
    }

    /** The config's sampler alone: which frames a video (or a window of one) of this many frames gives. */
    public FrameSelection sample(SamplingRequest request, RandomGenerator random) {
        return sampler.sample(request, random);
    }

    /**
     * The transforms and the format, on frames already decoded (e.g. kept from a stream).
     *
     * @param frames the frames at {@code selection}'s indices, in that order (repeats included)
     * @param random the same generator the sampling drew from, so a seeded run repeats
     */
    public FormattedClip transform(FrameSelection selection, List<VideoFrame> frames, RandomGenerator random) {
        return transform(selection, frames, random, List.of());
    }

    /** {@link #transform(FrameSelection, List, RandomGenerator)} with boxes on the frames, moved as the pixels are. */
    public FormattedClip transform(FrameSelection selection, List<VideoFrame> frames, RandomGenerator random,
                                   List<Box> boxes) {
        List<Image> images = new ArrayList<>(frames.size());
        for (VideoFrame frame : frames) {
            images.add(toImage(frame));
        }
        Clip clip = new Clip(images, selection.clipLen(), selection.numClips(), 1, boxes);
        for (Transform transform : transforms) {
            clip = transform.apply(clip, random);
        }
        return formatter.format(clip);
    }

    /** Decoded bytes as the float pixels transforms work on (values stay 0..255). */
    static Image toImage(VideoFrame frame) {
        byte[] bytes = frame.pixels();
        float[] pixels = new float[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            pixels[i] = bytes[i] & 0xff;
        }
        return new Image(frame.width(), frame.height(), frame.channels(), pixels);
    }
}
