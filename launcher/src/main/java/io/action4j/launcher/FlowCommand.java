package io.action4j.launcher;

import io.action4j.engine.flow.FlowEstimators;
import io.action4j.engine.flow.FlowExtractionOptions;
import io.action4j.engine.flow.FlowExtractor;
import io.action4j.engine.flow.FlowVideoResult;
import io.action4j.registry.PluginRegistry;
import io.action4j.registry.config.ComponentSpec;
import io.action4j.registry.config.ConfigBinder;
import io.action4j.registry.config.ConfigLoader;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code action4j flow ...}. */
@Command(name = "flow", mixinStandardHelpOptions = true, description = "Dense optical flow.",
        subcommands = {FlowCommand.Extract.class})
final class FlowCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code action4j flow extract VIDEO... --out DIR}: the work is the engine's {@link FlowExtractor}. */
    @Command(name = "extract", mixinStandardHelpOptions = true,
            description = {"Computes the dense optical flow between consecutive frames of each video and stores it as "
                    + "the two-stream and TSN work do: OUT/<video name>/x_00001.jpg and y_00001.jpg (the flow from "
                    + "frame 0 to frame 1), ..., grey JPEGs of each component clipped to +-bound pixels and rescaled "
                    + "to 0..255 (no motion is 128), the layout MMAction2's rawframe datasets and the rawframes reader "
                    + "(modality: flow) read.",
                    "Resumable: pairs whose files exist are skipped (files are written whole or not at all). Videos "
                            + "run in parallel (--threads), each with its own estimator. A video with fewer than 2 "
                            + "frames is an error; the others go on. Exits with 1 when any video failed."})
    static final class Extract implements Callable<Integer> {

        private final ConfigLoader loader;
        private final ConfigBinder binder;
        private final PluginRegistry registry;

        @Spec
        CommandSpec spec;

        @Parameters(arity = "1..*", paramLabel = "VIDEO", description = "Video files or rawframe (RGB) folders.")
        List<Path> videos;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the flow folders.")
        Path output;

        @ArgGroup(exclusive = true)
        Estimator estimator = new Estimator();

        static final class Estimator {
            @Option(names = "--config", paramLabel = "FILE",
                    description = "A flow config: flow: {type: farneback|tvl1|dis, ...its OpenCV parameters} "
                            + "(configs/flow/ has one per estimator).")
            Path config;

            @Option(names = "--method", paramLabel = "NAME",
                    description = "A flow estimator with its default parameters: farneback (default), tvl1 or dis "
                            + "(any registered one; see action4j plugins).")
            String method;
        }

        @Option(names = "--set", paramLabel = "KEY=VALUE",
                description = "Override an estimator parameter, e.g. --set flow.preset=medium (repeatable).")
        List<String> overrides = new ArrayList<>();

        @Option(names = "--bound", defaultValue = "20", paramLabel = "PX",
                description = "Clip displacements to +-PX pixels before storing them (default: ${DEFAULT-VALUE}, TSN's).")
        double bound;

        @Option(names = "--bidirectional",
                description = "Also store the backward flow (frame i to i-1) as backward_x_0000i.jpg, backward_y_0000i.jpg.")
        boolean bidirectional;

        @Option(names = "--threads", paramLabel = "N",
                description = "Videos extracted at once (default: the available processors, at most the videos).")
        Integer threads;

        @Option(names = "--preview",
                description = "Also write OUT/<video name>/flow_preview.png: a frame and its flow (hue: direction, "
                        + "brightness: speed).")
        boolean preview;

        @Option(names = "--progress",
                description = "Draw a progress bar on stderr even when it is not a terminal (drawn on a terminal anyway).")
        boolean progress;

        @Option(names = {"-q", "--quiet"}, description = "Print nothing but errors: no progress, no per-video lines.")
        boolean quiet;

        @Inject
        Extract(ConfigLoader loader, ConfigBinder binder, PluginRegistry registry) {
            this.loader = loader;
            this.binder = binder;
            this.registry = registry;
        }

        @Override
        public Integer call() throws IOException, InterruptedException {
            if (quiet && progress) {
                throw new ParameterException(spec.commandLine(), "--quiet and --progress exclude each other");
            }
            int workers = threads != null ? threads : Runtime.getRuntime().availableProcessors();
            if (workers < 1) {
                throw new ParameterException(spec.commandLine(), "--threads must be at least 1, got " + workers);
            }
            FlowExtractionOptions options;
            try {
                options = new FlowExtractionOptions(bound, bidirectional, workers, preview);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--bound: " + e.getMessage());
            }
            ComponentSpec chosen = estimator.config != null
                    ? FlowEstimators.fromFile(loader, binder, estimator.config, overrides)
                    : FlowEstimators.named(loader, binder,
                            estimator.method != null ? estimator.method : FlowEstimators.DEFAULT, overrides);
            FlowExtractor extractor = FlowExtractor.create(registry, chosen, options);
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            ProgressBars bars = new ProgressBars(err, ProgressBars.wanted(quiet, progress));
            long total = 0;
            for (Path video : videos) {
                total += extractor.announcedPairs(video);
            }
            long start = System.nanoTime();
            List<FlowVideoResult> results;
            try (ProgressBars.Bar bar = bars.items("flow " + chosen.type(), total, "pairs")) {
                results = extractor.extract(videos, output, new FlowExtractor.Listener() {
                    @Override
                    public void pairDone(Path video) {
                        bar.step();
                    }

                    @Override
                    public void videoDone(FlowVideoResult result) {
                        if (result.failed()) {
                            bars.print(err, "error: " + result.error());
                        } else if (!quiet) {
                            bars.print(out, describe(result));
                        }
                    }
                });
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            int computed = results.stream().mapToInt(FlowVideoResult::computed).sum();
            int skipped = results.stream().mapToInt(FlowVideoResult::skipped).sum();
            long failed = results.stream().filter(FlowVideoResult::failed).count();
            int used = Math.min(options.threads(), videos.size());
            if (!quiet) {
                out.printf("%s: %d videos, %d pairs computed%s in %.1f s: %.1f pairs/s on %d thread%s%s%n",
                        chosen.type(), results.size(), computed,
                        skipped > 0 ? " (" + skipped + " already there, skipped)" : "", seconds,
                        seconds > 0 ? computed / seconds : 0, used, used == 1 ? "" : "s",
                        failed > 0 ? "; " + failed + " failed" : "");
                out.flush();
            }
            return failed > 0 ? 1 : 0;
        }

        private static String describe(FlowVideoResult result) {
            return String.format("%s: %d pairs -> %s (%d computed, %d skipped, %.1f pairs/s)%s", result.video(),
                    result.pairs(), result.folder(), result.computed(), result.skipped(), result.pairsPerSecond(),
                    result.preview() != null ? "; preview " + result.preview() : "");
        }
    }
}
