package io.action4j.launcher;

import io.action4j.api.ComponentKind;
import io.action4j.api.sampling.ClipSampler;
import io.action4j.api.sampling.FrameSelection;
import io.action4j.api.sampling.SamplingRequest;
import io.action4j.api.video.VideoFrame;
import io.action4j.api.video.VideoMetadata;
import io.action4j.api.video.VideoReader;
import io.action4j.registry.config.ComponentOf;
import io.action4j.registry.config.ComponentSpec;
import io.action4j.registry.config.ConfigBinder;
import io.action4j.registry.config.ConfigLoader;
import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code action4j video benchmark VIDEO}: decode throughput, sparse sampling cost, resident memory. */
@Command(name = "benchmark", mixinStandardHelpOptions = true,
        description = {"Measures, on one video: sequential decoding to RGB (frames/s) with resident memory sampled "
                + "as it streams, and TSN-style sparse sampling (MMAction2 SampleFrames, clipLen 1, test mode) "
                + "against decoding every frame.",
                "Use --reader-option threads=N to set the decoder threads (0 = FFmpeg's choice)."})
final class VideoBenchmarkCommand implements Callable<Integer> {

    /** The sampler the sparse measurement is bound to. */
    record SamplerChoice(@ComponentOf(ComponentKind.CLIP_SAMPLER) ComponentSpec sampler) {
    }

    private final ConfigLoader loader;
    private final ConfigBinder binder;

    @Spec
    CommandSpec spec;

    @Mixin
    ReaderArguments readerArguments;

    @Parameters(index = "0", paramLabel = "VIDEO", description = "A video file or rawframe folder.")
    Path video;

    @Option(names = "--sparse-frames", defaultValue = "8", description = "Frames for the sparse measurement (default: ${DEFAULT-VALUE}).")
    int sparseFrames;

    @Option(names = "--repeat", defaultValue = "3", description = "Runs of each measurement; the median is reported (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Inject
    VideoBenchmarkCommand(ConfigLoader loader, ConfigBinder binder) {
        this.loader = loader;
        this.binder = binder;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        long[] sequential = new long[repeat];
        long[] sparse = new long[repeat];
        long startRss = ResidentMemory.bytes();
        // Resident memory at each tenth of the first run's stream: flat if memory does not grow with length.
        long[] rssByTenth = new long[10];
        VideoMetadata metadata = null;
        for (int run = 0; run < repeat; run++) {
            long begin = System.nanoTime();
            try (VideoReader reader = readerArguments.decoderFor(video).open(video)) {
                metadata = reader.metadata();
                int tenth = Math.max(1, metadata.frameCount() / 10);
                Iterator<VideoFrame> frames = reader.stream(metadata.startIndex());
                for (int count = 1; frames.hasNext(); count++) {
                    frames.next();
                    if (run == 0 && count % tenth == 0 && count / tenth <= 10) {
                        rssByTenth[count / tenth - 1] = ResidentMemory.bytes();
                    }
                }
            }
            sequential[run] = System.nanoTime() - begin;
        }
        ClipSampler sampler = tsnSampler();
        int[] indices = null;
        for (int run = 0; run < repeat; run++) {
            long begin = System.nanoTime();
            try (VideoReader reader = readerArguments.decoderFor(video).open(video)) {
                VideoMetadata m = reader.metadata();
                FrameSelection selection = sampler.sample(
                        new SamplingRequest(m.frameCount(), m.fps(), m.startIndex(), OptionalInt.empty()), new SplittableRandom(0));
                indices = selection.indices();
                reader.read(indices);
            }
            sparse[run] = System.nanoTime() - begin;
        }
        long endRss = ResidentMemory.bytes();
        double sequentialSeconds = Timings.median(sequential) / 1e9;
        double sparseSeconds = Timings.median(sparse) / 1e9;
        out.printf("video: %s  %d frames  %dx%d  %.3f fps  %.1f s%n", video, metadata.frameCount(), metadata.width(),
                metadata.height(), metadata.fps(), metadata.durationSeconds());
        out.printf("sequential decode to RGB: %.2f s = %.0f frames/s (median of %d, open included)%n",
                sequentialSeconds, metadata.frameCount() / sequentialSeconds, repeat);
        out.printf("sparse sampling, %d frames: %.3f s (median of %d, open included) = %.1fx faster than decoding every frame%n",
                indices.length, sparseSeconds, repeat, sequentialSeconds / sparseSeconds);
        out.printf("resident memory: %.0f MB before; while streaming, at each tenth of the video (MB): %s; %.0f MB at the end%n",
                startRss / 1e6, java.util.Arrays.stream(rssByTenth).mapToObj(b -> String.format("%.0f", b / 1e6))
                        .collect(java.util.stream.Collectors.joining(" ")), endRss / 1e6);
        out.flush();
        return 0;
    }

    private ClipSampler tsnSampler() {
        String yaml = "sampler:\n  type: sample_frames\n  clipLen: 1\n  numClips: " + sparseFrames + "\n  testMode: true\n";
        return binder.bind(loader.parse(yaml, "--sparse-frames " + sparseFrames), SamplerChoice.class)
                .sampler().create(ClipSampler.class);
    }
}
