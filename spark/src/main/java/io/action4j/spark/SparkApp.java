package io.action4j.spark;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The batch jobs as a Spark application, for {@code spark-submit --class io.action4j.spark.SparkApp
 * action4j-spark-VERSION-assembly.jar TASK ...}: lists the videos, runs the task and writes its rows.
 * Like the command-line launcher it only parses and prints; the work is {@link BatchInference}'s.
 */
@Command(name = "action4j-spark", mixinStandardHelpOptions = true,
        description = "Recognition, localization or detection over many videos as a Spark job.",
        subcommands = {SparkApp.Recognize.class, SparkApp.Localize.class, SparkApp.Detect.class})
public final class SparkApp {

    public static void main(String[] args) {
        int code = run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Runs one job in the session {@code SparkSession.builder().getOrCreate()} gives; returns the exit code. */
    static int run(String[] args, PrintWriter out, PrintWriter err) {
        return new CommandLine(new SparkApp()).setOut(out).setErr(err)
                .setExecutionExceptionHandler((error, command, parsed) -> {
                    command.getErr().println("error: " + error.getMessage());
                    return 1;
                }).execute(args);
    }

    /** What every task takes: the videos, the model, and where the rows go. */
    abstract static class JobCommand implements Callable<Integer> {

        @Parameters(paramLabel = "VIDEOS", description = "A folder of videos (local or any Hadoop filesystem), listed "
                + "recursively by extension, or with --list a text file of video paths, one per line.")
        String videos;

        @Option(names = "--list", description = "VIDEOS is a text file with one video path per line.")
        boolean list;

        @Option(names = "--config", required = true, description = "The model config, readable on every executor.")
        String config;

        @Option(names = "--checkpoint", description = "The checkpoint, readable on every executor.")
        String checkpoint;

        @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Config overrides, as the launcher's --set.")
        List<String> overrides = new ArrayList<>();

        @Option(names = "--out", required = true, description = "The output folder (Spark writes its part files there).")
        String out;

        @Option(names = "--format", defaultValue = "parquet", description = "parquet or json (JSON lines).")
        String format;

        @Option(names = "--overwrite", description = "Replace an existing --out (by default the job refuses it).")
        boolean overwrite;

        @Option(names = "--fail-on-error", description = "A bad video fails the job instead of becoming an error row.")
        boolean failOnError;

        @Option(names = "--partitions", defaultValue = "0",
                description = "Partitions of the video table (default: Spark's default parallelism).")
        int partitions;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            if (!format.equals("parquet") && !format.equals("json")) {
                throw new IllegalArgumentException("--format must be parquet or json, got " + format);
            }
            SparkSession spark = SparkSession.builder().appName("action4j " + spec.name()).getOrCreate();
            Dataset<Row> table = list
                    ? spark.read().text(videos).where(functions.length(functions.trim(functions.col("value"))).gt(0))
                            .select(functions.trim(functions.col("value")).as(BatchInference.VIDEO))
                    : BatchInference.videosIn(spark, videos);
            int slices = partitions > 0 ? partitions : spark.sparkContext().defaultParallelism();
            long count = write(run(table.repartition(slices)));
            spec.commandLine().getOut().printf("%s: %d rows from %s -> %s (%s)%n", spec.name(), count, videos, out, format);
            return 0;
        }

        /** The task's rows for the video table. */
        abstract Dataset<Row> run(Dataset<Row> videos);

        /** Writes the rows (the default: one table at --out); returns how many. */
        long write(Dataset<Row> rows) {
            Dataset<Row> cached = rows.cache();
            save(cached, out);
            return cached.count();
        }

        void save(Dataset<Row> rows, String folder) {
            var writer = rows.write().mode(overwrite ? SaveMode.Overwrite : SaveMode.ErrorIfExists);
            if (format.equals("json")) {
                writer.json(folder);
            } else {
                writer.parquet(folder);
            }
        }
    }

    @Command(name = "recognize", mixinStandardHelpOptions = true, description = "Each video's (or window's) best classes.")
    static final class Recognize extends JobCommand {

        @Option(names = "--labels", required = true, description = "Class names, one per line, readable on every executor.")
        String labels;

        @Option(names = "--top-k", defaultValue = "5", description = "Classes kept per video or window.")
        int topK;

        @Option(names = "--window", description = "Window length (frames, or seconds as 2s): scores per window.")
        String window;

        @Option(names = "--stride", description = "Stride between windows (frames or seconds).")
        String stride;

        @Override
        Dataset<Row> run(Dataset<Row> videos) {
            RecognitionJob job = new RecognitionJob(config, checkpoint, labels, topK, window, stride, overrides, failOnError);
            return BatchInference.recognize(videos, job);
        }
    }

    @Command(name = "localize", mixinStandardHelpOptions = true, description = "Each untrimmed video's segments.")
    static final class Localize extends JobCommand {

        @Option(names = "--backbone-checkpoint", description = "The snippet backbone's checkpoint, when --checkpoint "
                + "holds only the localization head.")
        String backboneCheckpoint;

        @Override
        Dataset<Row> run(Dataset<Row> videos) {
            return BatchInference.localize(videos, new LocalizationJob(config, checkpoint, backboneCheckpoint, overrides,
                    failOnError));
        }
    }

    @Command(name = "detect", mixinStandardHelpOptions = true,
            description = "Who does what, where and when: AVA rows in OUT/ava, per-person segments in OUT/segments, "
                    + "failed videos in OUT/errors.")
    static final class Detect extends JobCommand {

        @Option(names = "--label-map", required = true, description = "The AVA label map (.pbtxt) of the head's actions.")
        String labelMap;

        @Option(names = "--boxes", defaultValue = "nanodet", description = "Person boxes: nanodet, hog (default: nanodet).")
        String boxes;

        @Option(names = "--min-box-score", defaultValue = "0.5", description = "Person boxes below this score are left out.")
        double minBoxScore;

        @Override
        Dataset<Row> run(Dataset<Row> videos) {
            return BatchInference.detect(videos, new DetectionJob(config, checkpoint, labelMap, boxes, minBoxScore,
                    overrides, failOnError));
        }

        @Override
        long write(Dataset<Row> rows) {
            Dataset<Row> detections = rows.cache();
            save(BatchInference.avaRows(detections), out + "/ava");
            save(BatchInference.personSegments(detections), out + "/segments");
            save(detections.where(functions.col("error").isNotNull()).select(BatchInference.VIDEO, "error"), out + "/errors");
            return detections.count();
        }
    }
}
