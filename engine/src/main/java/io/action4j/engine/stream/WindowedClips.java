package io.action4j.engine.stream;

import io.action4j.api.sampling.CentredClips;
import io.action4j.api.sampling.ClipSampler;
import io.action4j.api.sampling.FrameSelection;
import io.action4j.api.sampling.SamplingRequest;
import io.action4j.api.transform.FormattedClip;
import io.action4j.api.video.TruncatedVideoException;
import io.action4j.api.video.VideoException;
import io.action4j.api.video.VideoFrame;
import io.action4j.api.video.VideoMetadata;
import io.action4j.api.video.VideoReader;
import io.action4j.engine.data.ClipPipeline;
import io.action4j.engine.data.DecodedStream;
import io.action4j.engine.model.TensorBudget;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.OptionalInt;
import java.util.SplittableRandom;

/**
 * A video of any length as a stream of windows (see {@link WindowPlan} for where they fall), each
 * turned into model input by a data pipeline: the video is decoded once, in order, keeping only the
 * frames windows still need; inside a window the pipeline's sampler, transforms and format work as
 * for a whole video of the window's length. What a task does with a window (class scores, snippet
 * features) is the sink's business. Frames held at once are bounded by the sampling, not by the
 * video's length.
 */
public final class WindowedClips {

    /**
     * One window, ready for a model.
     *
     * @param index its position in the video's windows, from 0
     * @param span its frames, counted from the video's first
     * @param views the pipeline's output for the window (views x C x T x H x W for NCTHW)
     */
    public record Window(int index, WindowPlan.Span span, double fps, FormattedClip views) {

        public double startSeconds() {
            return span.start() / fps;
        }

        public double endSeconds() {
            return span.end() / fps;
        }
    }

    /** Receives each window as soon as its last frame has been decoded, in time order. */
    @FunctionalInterface
    public interface Sink {
        void accept(Window window) throws VideoException;
    }

    private WindowedClips() {
    }

    /**
     * Streams {@code reader}'s video through {@code pipeline} window by window. The stream's end, not
     * the metadata's frame count, decides the last window (whose frames are read again by random
     * access if the stream ended elsewhere than announced); a file that stops before its container
     * says ({@link TruncatedVideoException}) ends the stream there.
     *
     * @param video the file {@code reader} reads, for messages
     * @param seed seeds each window's sampling and transforms alike (a fresh generator per window)
     * @throws VideoException when no frame could be decoded, or the reader fails
     */
    public static WindowRun stream(Path video, VideoReader reader, ClipPipeline pipeline, WindowSpec windows, long seed,
                                   Sink sink, DecodeProgress progress) throws VideoException {
        VideoMetadata metadata = reader.metadata();
        WindowPlan plan = windows.inFrames(metadata.fps());
        ClipSampler sampler = refusalsMarked(pipeline);
        try {
            checkFramesHeld(video, plan, sampler, metadata, TensorBudget.ofThisMachine());
            WindowStream stream = new WindowStream(plan, sampler, metadata.fps(), metadata.startIndex(), seed,
                    metadata.frameCount());
            int handedOut = drive(video, reader, pipeline, stream, "window", sink, progress);
            return new WindowRun(metadata, plan, stream.framesArrived(), handedOut, stream.maxFramesHeld(),
                    stream.framesReadAgain());
        } catch (WindowRefused refused) {
            // The sampler cannot sample a window (too few frames for its clips): this video fails, by name.
            throw new VideoException(video, "a window of " + refused.frames + " frames (each window is sampled as a "
                    + "whole video): " + refused.getCause().getMessage() + "; or make the window longer",
                    refused.getCause());
        }
    }

    /** The pipeline's sampler, its refusal of a window marked as such (see {@link WindowRefused}). */
    private static ClipSampler refusalsMarked(ClipPipeline pipeline) {
        return (request, random) -> {
            try {
                return pipeline.sample(request, random);
            } catch (IllegalArgumentException e) {
                throw new WindowRefused(request.totalFrames(), e);
            }
        };
    }

    /**
     * The sampler refused a window, carried out of the frame stream (whose methods cannot throw a
     * {@link VideoException}) to {@link #stream}, which names the video.
     */
    private static final class WindowRefused extends RuntimeException {
        private final int frames;

        WindowRefused(int frames, IllegalArgumentException cause) {
            super(cause.getMessage(), cause, false, false);
            this.frames = frames;
        }
    }

    /**
     * Streams {@code reader}'s video cut into {@code snippets}: windows as {@link #stream(Path, VideoReader,
     * ClipPipeline, WindowSpec, long, Sink, DecodeProgress)} does, or the sampler's centred clips, each handed
     * out with the frames the sampler picks over the whole video (a video too short for one centre gives one
     * clip clamped into its frames). For centred clips the run's plan is their interval as window and stride:
     * the frames each clip stands for.
     */
    public static WindowRun stream(Path video, VideoReader reader, ClipPipeline pipeline, Snippets snippets, long seed,
                                   Sink sink, DecodeProgress progress) throws VideoException {
        if (snippets instanceof Snippets.Windows windows) {
            return stream(video, reader, pipeline, windows.spec(), seed, sink, progress);
        }
        CentredClips clips = ((Snippets.Centred) snippets).clips();
        VideoMetadata metadata = reader.metadata();
        checkFramesHeld(video, clips, metadata, TensorBudget.ofThisMachine());
        CentredClipStream stream = new CentredClipStream(clips, metadata.startIndex(), seed);
        int handedOut = drive(video, reader, pipeline, stream, "clip", sink, progress);
        return new WindowRun(metadata, new WindowPlan(clips.clipInterval(), clips.clipInterval()),
                stream.framesArrived(), handedOut, stream.maxFramesHeld(), stream.framesReadAgain());
    }

    /**
     * Decodes the video once, in order, into {@code stream}; each input it completes goes through the pipeline's
     * transforms to the sink. Returns how many were handed out.
     *
     * @param what what the stream makes ("window", "clip"), for the message when it made none
     */
    private static int drive(Path video, VideoReader reader, ClipPipeline pipeline, FrameStream stream, String what,
                             Sink sink, DecodeProgress progress) throws VideoException {
        VideoMetadata metadata = reader.metadata();
        Iterator<VideoFrame> frames = reader.stream(metadata.startIndex());
        int handedOut = 0;
        VideoFrame frame;
        while ((frame = DecodedStream.nextBeforeCut(frames)) != null) {
            for (WindowStream.ReadyWindow ready : stream.accept(frame)) {
                sink.accept(prepare(pipeline, metadata.fps(), ready));
                handedOut++;
            }
            progress.framesDecoded(stream.framesArrived(), metadata.frameCount());
        }
        for (WindowStream.ReadyWindow ready : stream.finish(reader::read)) {
            sink.accept(prepare(pipeline, metadata.fps(), ready));
            handedOut++;
        }
        if (handedOut == 0) {
            throw new VideoException(video, "no frame decoded, so no " + what);
        }
        return handedOut;
    }

    /**
     * Refuses, before decoding, centred clips whose frames cannot all be held: those of the clips under way
     * (their span and the interval each stands for, at most {@code clipLen} frames per clip) and the latest frame.
     */
    static void checkFramesHeld(Path video, CentredClips clips, VideoMetadata metadata, TensorBudget budget) {
        long span = (long) (clips.clipLen() - 1) * clips.frameInterval() + 1;
        long open = (span + clips.clipInterval() - 1) / clips.clipInterval() + 1;
        long held = Math.min(span + clips.clipInterval(), open * clips.clipLen()) + 1;
        if (metadata.frameCount() > 0) {
            held = Math.min(held, metadata.frameCount());
        }
        budget.check(video + ": clips of " + clips.clipLen() + " frames " + clips.frameInterval() + " apart, centred every "
                        + clips.clipInterval() + ", hold up to " + held + " decoded frames of " + metadata.width() + "x"
                        + metadata.height() + " at once", new long[] {held, metadata.height(), metadata.width(), 3}, 1,
                "use a shorter clipLen or frameInterval");
    }

    /**
     * Refuses, before decoding, windows whose frames cannot all be held: a stream holds the frames that
     * the open windows sampled (at most {@code ceil(W / S) + 1} windows, never more than two windows' span
     * or the video's frames).
     */
    static void checkFramesHeld(Path video, WindowPlan plan, ClipSampler sampler, VideoMetadata metadata,
                                TensorBudget budget) {
        FrameSelection one = sampler.sample(new SamplingRequest(plan.windowFrames(), metadata.fps(), 0,
                OptionalInt.empty()), new SplittableRandom(0));
        long perWindow = Arrays.stream(one.indices()).distinct().count();
        long open = (plan.windowFrames() + (long) plan.strideFrames() - 1) / plan.strideFrames() + 1;
        long held = Math.min(2L * plan.windowFrames(), open * perWindow);
        if (metadata.frameCount() > 0) {
            held = Math.min(held, metadata.frameCount());
        }
        budget.check(video + ": windows of " + plan.windowFrames() + " frames every " + plan.strideFrames()
                        + " hold up to " + held + " decoded frames of " + metadata.width() + "x" + metadata.height()
                        + " at once", new long[] {held, metadata.height(), metadata.width(), 3}, 1,
                "use a larger stride or a shorter window");
    }

    private static Window prepare(ClipPipeline pipeline, double fps, WindowStream.ReadyWindow window) {
        FormattedClip views = pipeline.transform(window.selection(), window.frames(), window.random());
        return new Window(window.index(), window.span(), fps, views);
    }
}
