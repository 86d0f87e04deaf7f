package io.action4j.launcher;

import io.action4j.api.model.GraphBuilder.Layout;
import io.action4j.api.model.TensorShape;
import io.action4j.api.video.VideoException;
import io.action4j.engine.config.ExperimentConfig;
import io.action4j.engine.config.ModelConfig;
import io.action4j.engine.model.ComposedModel;
import io.action4j.engine.model.ModelComposer;
import io.action4j.engine.model.ModelSummarizer;
import io.action4j.engine.model.ModelSummary;
import io.action4j.engine.model.OpTimes;
import io.action4j.engine.model.TensorBudget;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code action4j benchmark CONFIG --input 1x3x16x112x112 [--batch N]}: model inference speed and memory. */
@Command(name = "benchmark", mixinStandardHelpOptions = true,
        description = {"Times the model's forward pass on random input: median latency after warm-up, clips/s, "
                + "achieved GFLOP/s (FLOPs as 'model summary' counts them) and resident memory per call.",
                "Measure one configuration per JVM: ND4J's caches warm up over the first calls.",
                "By default every batch norm that directly follows a 3D convolution is folded into that convolution "
                        + "(exact up to float rounding); --no-fold-bn times the graph as PyTorch defines it."})
final class BenchmarkCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigArguments configArguments;

    @Option(names = "--input", defaultValue = "1x3x16x112x112", paramLabel = "SHAPE",
            description = "One clip's shape, NCTHW with N = 1 (default: ${DEFAULT-VALUE}); --batch sets N.")
    String input;

    @Option(names = "--batch", defaultValue = "1", description = "Clips per forward pass (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--warmup", defaultValue = "5", description = "Untimed calls first (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--iterations", defaultValue = "20", description = "Timed calls (default: ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--fold-bn", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Fold eval-mode batch norm into the preceding conv3d (default: on; --no-fold-bn to time "
                    + "the unfolded graph).")
    boolean foldBatchNorm;

    @Option(names = "--layout", defaultValue = "channels-last", paramLabel = "LAYOUT",
            converter = LayoutConverter.class,
            description = "How the folded graph holds its features: channels-last (N x T x H x W x C, the default: "
                    + "oneDNN's conv3d runs without layout conversions) or channels-first (NCTHW, as PyTorch). "
                    + "The unfolded graph (--no-fold-bn) is always channels-first.")
    Layout layout;

    @Option(names = "--reuse-arrays", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Hand the intermediate arrays of one call to the next and free the rest at once (default: on; "
                    + "--no-reuse-arrays leaves them to ND4J's array cache and the garbage collector).")
    boolean reuseArrays;

    @Option(names = "--memory-per-call", description = "Also print the resident memory after every timed call.")
    boolean memoryPerCall;

    @Option(names = "--profile", description = "Also print where the timed calls spent their time, per ND4J op "
            + "kind (conv3dnew, relu, concat, ...), and the graph executor's share between ops. Watching every op "
            + "slows the calls a little: time without it.")
    boolean profile;

    @Option(names = "--videos", arity = "1..*", paramLabel = "VIDEO",
            description = "End-to-end mode: decode, sample, transform (the config's data pipeline) and run the model on "
                    + "these files, and report videos/s and each stage's share of the time (--warmup then counts videos).")
    List<Path> videos;

    @Option(names = "--rounds", defaultValue = "1",
            description = "End-to-end mode: timed passes over the video list (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--max-views-per-pass", defaultValue = "8",
            description = "End-to-end mode: views per forward pass at most (default: ${DEFAULT-VALUE}).")
    int maxViewsPerPass;

    @Mixin
    ReaderArguments readerArguments;

    /** The folded copy of {@code model}; {@code model} is closed either way. */
    private static ComposedModel foldAndClose(ComposedModel model, Layout layout) {
        try (model) {
            return model.foldBatchNorm(layout);
        }
    }

    /** {@code channels-last} / {@code channels-first} to the builder's layouts. */
    static final class LayoutConverter implements picocli.CommandLine.ITypeConverter<Layout> {
        @Override
        public Layout convert(String value) {
            return switch (value) {
                case "channels-last" -> Layout.CHANNELS_LAST;
                case "channels-first" -> Layout.CHANNELS_FIRST;
                default -> throw new picocli.CommandLine.TypeConversionException(
                        "expected channels-last or channels-first, got '" + value + "'");
            };
        }
    }

    @Override
    public Integer call() throws VideoException {
        if (videos != null) {
            ExperimentConfig config = configArguments.bind(configArguments.tree());
            new EndToEndBenchmark(config, readerArguments.decodersFor(config), maxViewsPerPass)
                    .run(videos, warmup, rounds, spec.commandLine().getOut());
            return 0;
        }
        ModelConfig model = configArguments.bind(configArguments.tree()).model();
        if (model == null) {
            throw new IllegalArgumentException(configArguments.describe() + " has no 'model' section");
        }
        if (batch < 1 || warmup < 0 || iterations < 1) {
            throw new IllegalArgumentException("--batch and --iterations must be positive, --warmup not negative");
        }
        TensorShape shape = TensorShape.parse(input).with(0, batch);
        TensorBudget.ofThisMachine().check("--input " + input + " with --batch " + batch, shape.dims(), 4);
        PrintWriter out = spec.commandLine().getOut();
        long rssBefore = ResidentMemory.bytes();
        ModelSummary summary;
        ComposedModel built = ModelComposer.compose(model, shape, 0);
        try {
            // FLOPs of the graph as defined (the folded graph only drops the batch norms' elementwise work).
            summary = ModelSummarizer.summarize(built, Map.of(ModelComposer.INPUT, shape));
        } catch (RuntimeException e) {
            built.close();
            throw e;
        }
        try (ComposedModel composed = foldBatchNorm ? foldAndClose(built, layout) : built) {
            composed.reuseArrays(reuseArrays);
            INDArray clip = Nd4j.rand(DataType.FLOAT, shape.dims());
            Map<String, INDArray> inputs = Map.of(ModelComposer.INPUT, clip);
            for (int i = 0; i < warmup; i++) {
                composed.run(inputs);
            }
            long[] nanos = new long[iterations];
            long[] rss = new long[iterations];
            long compileMillisBefore = JitCompiler.compileMillis();
            OpTimes opTimes = profile ? new OpTimes() : null;
            for (int i = 0; i < iterations; i++) {
                long begin = System.nanoTime();
                if (opTimes == null) {
                    composed.run(inputs);
                } else {
                    composed.run(inputs, opTimes);
                }
                nanos[i] = System.nanoTime() - begin;
                rss[i] = ResidentMemory.bytes();
            }
            long compileMillis = JitCompiler.compileMillis() - compileMillisBefore;
            double median = Timings.median(nanos) / 1e9;
            long fastest = Arrays.stream(nanos).min().orElseThrow();
            long slowest = Arrays.stream(nanos).max().orElseThrow();
            out.printf("model: %s  input %s  threads: OMP_NUM_THREADS=%s%n", configArguments.describe(), shape,
                    Nd4jRuntime.ompThreads());
            out.printf("build: %s%n", Nd4jRuntime.buildLine());
            out.printf("latency: median %.1f ms, min %.1f ms, max %.1f ms over %d calls after %d warm-up calls%n",
                    median * 1e3, fastest / 1e6, slowest / 1e6, iterations, warmup);
            printJit(out, compileMillis, Arrays.stream(nanos).sum() / 1e6);
            out.printf("batch norm: %s%n", foldBatchNorm
                    ? composed.foldedBatchNorms().size() + " conv + batch-norm pairs folded" : "not folded (--no-fold-bn)");
            out.printf("layout: %s%n", foldBatchNorm && layout == Layout.CHANNELS_LAST
                    ? "channels last (N x T x H x W x C)" : "channels first (NCTHW)");
            out.printf("intermediate arrays: %s%n", reuseArrays ? "reused from call to call"
                    : "ND4J's array cache and the garbage collector (--no-reuse-arrays)");
            out.printf("throughput: %.2f clips/s%n", batch / median);
            out.printf("compute: %.2f GFLOPs per call, %.1f GFLOP/s achieved%n", summary.flops() / 1e9,
                    summary.flops() / 1e9 / median);
            out.printf("resident memory: %.0f MB before building, %.0f MB after the first timed call, %.0f MB at most, "
                    + "%.0f MB after the last%n", rssBefore / 1e6, rss[0] / 1e6,
                    Arrays.stream(rss).max().orElse(0) / 1e6, rss[iterations - 1] / 1e6);
            if (memoryPerCall) {
                out.printf("resident memory per call (MB): %s%n", Arrays.stream(rss)
                        .mapToObj(bytes -> String.format("%.0f", bytes / 1e6)).collect(Collectors.joining(" ")));
            }
            if (opTimes != null) {
                printProfile(out, opTimes, Arrays.stream(nanos).sum());
            }
            out.flush();
        }
        return 0;
    }

    /** Per-call time by op kind, the most first, and the rest of the call (the executor between ops). */
    private static void printProfile(PrintWriter out, OpTimes times, long callNanos) {
        int calls = times.calls();
        out.printf("profile (mean per call over the %d timed calls; watching the ops slows them a little):%n", calls);
        out.printf("  %-28s %9s %10s %7s%n", "op", "ops/call", "ms/call", "share");
        for (OpTimes.Entry entry : times.entries()) {
            out.printf("  %-28s %9.1f %10.2f %6.1f%%%n", entry.op(), (double) entry.executions() / calls,
                    entry.nanos() / 1e6 / calls, 100.0 * entry.nanos() / callNanos);
        }
        long between = callNanos - times.totalNanos();
        out.printf("  %-28s %9s %10.2f %6.1f%%%n", "(between ops)", "", between / 1e6 / calls,
                100.0 * between / callNanos);
    }

    private static void printJit(PrintWriter out, long compileMillis, double timedMillis) {
        String mode = JitCompiler.mode();
        if (compileMillis < 0) {
            out.printf("JIT: %s%n", mode);
            return;
        }
        out.printf("JIT: %s; compiling during the timed calls: %d ms%n", mode, compileMillis);
        if (compileMillis > 0.01 * timedMillis) {
            out.printf("  the JIT compiler was still at work and takes cores from ND4J: time more warm-up calls, or run "
                    + "with -XX:TieredStopAtLevel=1 (the action4j script's default)%n");
        }
    }
}
