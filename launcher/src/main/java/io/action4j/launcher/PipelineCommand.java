package io.action4j.launcher;

import io.action4j.engine.data.NpyFiles;
import io.action4j.api.transform.FormattedClip;
import io.action4j.api.video.VideoMetadata;
import io.action4j.api.video.VideoReader;
import io.action4j.engine.config.DataConfig;
import io.action4j.engine.data.ClipPipeline;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code action4j pipeline ...}. */
@Command(name = "pipeline", mixinStandardHelpOptions = true, description = "Inspect data pipelines.",
        subcommands = PipelineCommand.Show.class)
final class PipelineCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code action4j pipeline show CONFIG VIDEO [--out X.npy]}, like MMAction2's browse_dataset.py. */
    @Command(name = "show", mixinStandardHelpOptions = true,
            description = {"Runs the config's data pipeline on one video: prints the frame indices the sampler picks "
                    + "(clip by clip) and the shape and value range of the tensor; --out writes the tensor as a "
                    + "NumPy .npy array (float32, C order)."})
    static final class Show implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        ConfigArguments configArguments;

        @Mixin
        ReaderArguments readerArguments;

        @Parameters(index = "1", arity = "0..1", paramLabel = "VIDEO",
                description = "A video file or rawframe folder. Given alone, the built-in model's config runs on it.")
        Path video;

        @Option(names = "--out", paramLabel = "FILE.npy", description = "Write the tensor here.")
        Path output;

        @Option(names = "--seed", defaultValue = "0", description = "Seed for train-mode sampling and random "
                + "transforms (default: ${DEFAULT-VALUE}).")
        long seed;

        @Override
        public Integer call() throws Exception {
            Outputs.check(output);
            if (video == null) {
                // One positional argument is the video: picocli gave it to the optional CONFIG before it.
                if (configArguments.file == null) {
                    throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                            "pipeline show needs a VIDEO (and optionally a CONFIG before it)");
                }
                video = configArguments.file;
                configArguments.file = null;
            }
            DataConfig data = configArguments.bind(configArguments.tree()).data();
            if (data == null) {
                throw new IllegalArgumentException(configArguments.describe() + " has no 'data' section");
            }
            ClipPipeline pipeline = ClipPipeline.build(data);
            ClipPipeline.Result result;
            VideoMetadata metadata;
            try (VideoReader reader = readerArguments.decoderFor(video, data.reader()).open(video)) {
                metadata = reader.metadata();
                result = pipeline.run(reader, new SplittableRandom(seed));
            }
            PrintWriter out = spec.commandLine().getOut();
            out.printf("video: %s  %d frames from index %d  %.3f fps  %dx%d%n", video, metadata.frameCount(),
                    metadata.startIndex(), metadata.fps(), metadata.width(), metadata.height());
            int[] indices = result.selection().indices();
            int clipLen = result.selection().clipLen();
            for (int clip = 0; clip < result.selection().numClips(); clip++) {
                out.println("clip " + clip + ": " + IntStream.range(clip * clipLen, (clip + 1) * clipLen)
                        .mapToObj(i -> Integer.toString(indices[i])).collect(Collectors.joining(" ")));
            }
            FormattedClip tensor = result.tensor();
            float[] values = tensor.values();
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            double sum = 0;
            for (float value : values) {
                min = Math.min(min, value);
                max = Math.max(max, value);
                sum += value;
            }
            String shape = Arrays.stream(tensor.shape()).mapToObj(Integer::toString).collect(Collectors.joining("x"));
            out.printf("tensor: %s %s  min %.4f  max %.4f  mean %.4f%n", data.format().inputFormat(), shape, min, max,
                    sum / values.length);
            if (output != null) {
                NpyFiles.writeFloat32(output, values, Arrays.stream(tensor.shape()).asLongStream().toArray());
                out.println("wrote " + output + ": float32 " + shape);
            }
            out.flush();
            return 0;
        }
    }
}
