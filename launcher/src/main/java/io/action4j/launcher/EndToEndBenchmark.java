package io.action4j.launcher;

import io.action4j.api.sampling.FrameSelection;
import io.action4j.api.sampling.SamplingRequest;
import io.action4j.api.transform.FormattedClip;
import io.action4j.api.video.VideoDecoder;
import io.action4j.api.video.VideoException;
import io.action4j.api.video.VideoFrame;
import io.action4j.api.video.VideoMetadata;
import io.action4j.api.video.VideoReader;
import io.action4j.engine.config.ExperimentConfig;
import io.action4j.engine.data.ClipPipeline;
import io.action4j.engine.recognition.RecognitionOptions;
import io.action4j.engine.recognition.Recognizer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * What {@code recognize} spends its time on, per stage, over real video files: opening and
 * decoding the sampled frames, transforming and formatting them, and the model's forward pass
 * ({@link Recognizer#scoreViews}: batch norms folded, views in chunks of at most {@code maxViewsPerPass}).
 */
final class EndToEndBenchmark {

    private final ExperimentConfig config;
    private final Function<Path, VideoDecoder> decoders;
    private final int maxViewsPerPass;

    EndToEndBenchmark(ExperimentConfig config, Function<Path, VideoDecoder> decoders, int maxViewsPerPass) {
        if (config.model() == null || config.data() == null) {
            throw new IllegalArgumentException("the end-to-end benchmark needs a config with 'model' and 'data' sections");
        }
        this.config = config;
        this.decoders = decoders;
        this.maxViewsPerPass = maxViewsPerPass;
    }

    /** Seconds per stage, summed over the timed videos. */
    private static final class Stages {
        double decode;
        double transform;
        double forward;
        int videos;
        long views;

        double total() {
            return decode + transform + forward;
        }
    }

    /**
     * @param warmup videos processed first and not timed (the model's caches fill over the first calls)
     * @param rounds times the list is run through after the warm-up
     */
    void run(List<Path> videos, int warmup, int rounds, PrintWriter out) throws VideoException {
        ClipPipeline pipeline = ClipPipeline.build(config.data());
        try (Recognizer recognizer = new Recognizer(config, decoders, model -> { },
                new RecognitionOptions("prob", maxViewsPerPass, 0))) {
            Stages timed = new Stages();
            int total = warmup + rounds * videos.size();
            for (int n = 0; n < total; n++) {
                Path video = videos.get(n % videos.size());
                Stages stages = n < warmup ? new Stages() : timed;
                long start = System.nanoTime();
                FrameSelection selection;
                List<VideoFrame> frames;
                try (VideoReader reader = decoders.apply(video).open(video)) {
                    VideoMetadata metadata = reader.metadata();
                    selection = pipeline.sample(new SamplingRequest(metadata.frameCount(), metadata.fps(),
                            metadata.startIndex(), OptionalInt.empty()), new SplittableRandom(n));
                    frames = reader.read(selection.indices());
                }
                long decoded = System.nanoTime();
                FormattedClip clip = pipeline.transform(selection, frames, new SplittableRandom(n));
                long transformed = System.nanoTime();
                recognizer.scoreViews(clip);
                long end = System.nanoTime();
                stages.decode += (decoded - start) / 1e9;
                stages.transform += (transformed - decoded) / 1e9;
                stages.forward += (end - transformed) / 1e9;
                stages.videos++;
                stages.views += clip.shape()[0];
            }
            report(timed, warmup, out);
        }
    }

    private static void report(Stages timed, int warmup, PrintWriter out) {
        double total = timed.total();
        out.printf("end to end: %d videos (%d views) after %d warm-up videos: %.2f videos/s, %.1f ms a video%n",
                timed.videos, timed.views, warmup, timed.videos / total, 1e3 * total / timed.videos);
        out.printf("  open + decode sampled frames  %8.1f ms a video  %5.1f%%%n", 1e3 * timed.decode / timed.videos,
                100 * timed.decode / total);
        out.printf("  transforms + format           %8.1f ms a video  %5.1f%%%n", 1e3 * timed.transform / timed.videos,
                100 * timed.transform / total);
        out.printf("  forward pass                  %8.1f ms a video  %5.1f%%%n", 1e3 * timed.forward / timed.videos,
                100 * timed.forward / total);
        out.printf("build: %s%n", Nd4jRuntime.buildLine());
        out.flush();
    }
}
