package io.action4j.spark;

import io.action4j.api.io.FileMessages;
import io.action4j.api.result.ClassScore;
import io.action4j.api.result.ClipScores;
import io.action4j.api.result.TemporalSegment;
import io.action4j.engine.checkpoint.Checkpoint;
import io.action4j.engine.recognition.Recognizer;
import io.action4j.engine.recognition.RecognizerBuilder;
import io.action4j.engine.stream.WindowSpec;
import io.action4j.localization.run.LocalizationResult;
import io.action4j.localization.run.Localizer;
import io.action4j.localization.run.LocalizerBuilder;
import io.action4j.spatiotemporal.run.ActionScore;
import io.action4j.spatiotemporal.run.DetectionListener;
import io.action4j.spatiotemporal.run.DetectionResult;
import io.action4j.spatiotemporal.run.Detector;
import io.action4j.spatiotemporal.run.DetectorBuilder;
import io.action4j.spatiotemporal.run.KeyframeDetections;
import io.action4j.spatiotemporal.run.PersonDetection;
import io.action4j.spatiotemporal.track.PersonSegment;
import io.action4j.engine.stream.DecodeProgress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.util.TaskCompletionListener;

/**
 * Recognition, localization and detection over a table of videos, as Spark jobs. Each takes a
 * dataset with a string column of video paths (local paths readable on the executors, or any Hadoop
 * filesystem path, copied to the executor's disk while it is read) and returns one row per result in
 * its task's schema ({@link ResultSchemas}), lazily: write it ({@code .write().parquet(...)}), or
 * collect it. Each task slot builds its model once and keeps it for the next partitions of the same job
 * ({@link ExecutorModels}); videos are read one after the other, each streamed in the bounded memory
 * of the single-machine commands. A video that fails becomes a row whose {@code error} names the video
 * and the reason, unless the job says {@code failOnError}; a config or checkpoint that fails fails the job.
 */
public final class BatchInference {

    /** The column a table of videos names them in, unless told otherwise. */
    public static final String VIDEO = "video";

    private BatchInference() {
    }

    /** A table of the videos in a folder (local or Hadoop), whose names end with one of the video extensions. */
    public static Dataset<Row> videosIn(SparkSession spark, String folder) throws IOException {
        return VideoListing.list(spark, folder);
    }

    /** Each video's (or window's) best classes; see {@link ResultSchemas#RECOGNITION}. */
    public static Dataset<Row> recognize(Dataset<Row> videos, RecognitionJob job) {
        return recognize(videos, job, InferenceMetrics.register(videos.sparkSession().sparkContext(), "recognition"));
    }

    /** {@link #recognize(Dataset, RecognitionJob)} counting into {@code metrics} (registered with {@link InferenceMetrics#register}). */
    public static Dataset<Row> recognize(Dataset<Row> videos, RecognitionJob job, InferenceMetrics metrics) {
        return run(videos, VIDEO, job, metrics, new Task<Recognizer>() {
            @Override
            public Recognizer build() {
                RecognizerBuilder builder = Recognizer.builder().config(Path.of(job.config()))
                        .set(job.overrides().toArray(String[]::new));
                if (job.checkpoint() != null) {
                    builder.checkpoint(Path.of(job.checkpoint()));
                }
                return builder.build();
            }

            @Override
            public List<Row> rows(Recognizer recognizer, String video, Path local) throws Exception {
                List<String> labels = Files.readAllLines(Path.of(job.labels()));
                List<Row> rows = new ArrayList<>();
                if (job.window() == null) {
                    rows.add(recognitionRow(video, recognizer.recognize(local), job.topK(), labels));
                } else {
                    recognizer.recognizeWindows(local, WindowSpec.parse(job.window(), job.stride()),
                            window -> rows.add(recognitionRow(video, window.scores(), job.topK(), labels)));
                }
                return rows;
            }

            @Override
            public Row error(String video, String reason) {
                return RowFactory.create(video, null, null, null, null, null, null, reason);
            }
        }, ResultSchemas.RECOGNITION);
    }

    /** Each video's temporal segments, one row each; see {@link ResultSchemas#LOCALIZATION}. */
    public static Dataset<Row> localize(Dataset<Row> videos, LocalizationJob job) {
        return localize(videos, job, InferenceMetrics.register(videos.sparkSession().sparkContext(), "localization"));
    }

    /** {@link #localize(Dataset, LocalizationJob)} counting into {@code metrics} (registered with {@link InferenceMetrics#register}). */
    public static Dataset<Row> localize(Dataset<Row> videos, LocalizationJob job, InferenceMetrics metrics) {
        return run(videos, VIDEO, job, metrics, new Task<Localizer>() {
            @Override
            public Localizer build() {
                LocalizerBuilder builder = Localizer.builder().config(Path.of(job.config()))
                        .set(job.overrides().toArray(String[]::new));
                if (job.checkpoint() != null) {
                    builder.checkpoint(Path.of(job.checkpoint()));
                }
                if (job.backboneCheckpoint() != null) {
                    // A recognizer's checkpoint will do for the backbone: its head's tensors are left over.
                    builder.backboneCheckpoint(new Checkpoint(Path.of(job.backboneCheckpoint()), Checkpoint.AUTO, false));
                }
                return builder.build();
            }

            @Override
            public List<Row> rows(Localizer localizer, String video, Path local) throws Exception {
                LocalizationResult result = localizer.localize(local);
                metrics.frames().add(result.times().framesDecoded());
                List<Row> rows = new ArrayList<>();
                for (TemporalSegment segment : result.segments()) {
                    rows.add(RowFactory.create(video, result.durationSeconds(), segment.startSeconds(),
                            segment.endSeconds(), segment.label() < 0 ? null : segment.label(), segment.score(), null));
                }
                return rows;
            }

            @Override
            public Row error(String video, String reason) {
                return RowFactory.create(video, null, null, null, null, null, reason);
            }
        }, ResultSchemas.LOCALIZATION);
    }

    /**
     * Each video's detections in one row: its keyframes' people and actions ({@code ava}, AVA's result
     * rows) and each person's action segments ({@code segments}); {@link #avaRows} and {@link #personSegments}
     * flatten them. Detection runs once per video; persist the result when both views are wanted.
     */
    public static Dataset<Row> detect(Dataset<Row> videos, DetectionJob job) {
        return detect(videos, job, InferenceMetrics.register(videos.sparkSession().sparkContext(), "detection"));
    }

    /** {@link #detect(Dataset, DetectionJob)} counting into {@code metrics} (registered with {@link InferenceMetrics#register}). */
    public static Dataset<Row> detect(Dataset<Row> videos, DetectionJob job, InferenceMetrics metrics) {
        return run(videos, VIDEO, job, metrics, new Task<Detector>() {
            @Override
            public Detector build() {
                DetectorBuilder builder = Detector.builder().config(Path.of(job.config()))
                        .set(job.overrides().toArray(String[]::new)).labelMap(Path.of(job.labelMap()))
                        .boxes(job.boxes(), job.minBoxScore());
                if (job.checkpoint() != null) {
                    builder.checkpoint(Path.of(job.checkpoint()));
                }
                return builder.build();
            }

            @Override
            public List<Row> rows(Detector detector, String video, Path local) throws Exception {
                List<Row> ava = new ArrayList<>();
                DetectionResult result = detector.detect(local, new DetectionListener() {
                    @Override
                    public void keyframe(KeyframeDetections keyframe) {
                        for (PersonDetection person : keyframe.people()) {
                            for (ActionScore action : person.actions()) {
                                ava.add(RowFactory.create(keyframe.videoId(), keyframe.seconds(), person.box().x1(),
                                        person.box().y1(), person.box().x2(), person.box().y2(), action.actionId(),
                                        action.label(), action.score(), person.trackId()));
                            }
                        }
                    }
                }, DecodeProgress.NONE);
                metrics.frames().add(result.framesDecoded());
                List<Row> segments = new ArrayList<>();
                for (PersonSegment segment : result.segments()) {
                    segments.add(RowFactory.create(segment.trackId(), segment.actionId(), segment.label(),
                            segment.startSeconds(), segment.endSeconds(), segment.meanScore(), segment.keyframes()));
                }
                return List.of(RowFactory.create(video, result.videoId(), result.durationSeconds(), seq(ava), seq(segments), null));
            }

            @Override
            public Row error(String video, String reason) {
                return RowFactory.create(video, null, null, null, null, reason);
            }
        }, ResultSchemas.DETECTION);
    }

    /** {@link #detect}'s AVA rows, one per person, action and keyframe (the video's errors left out). */
    public static Dataset<Row> avaRows(Dataset<Row> detections) {
        return detections.where(functions.col("error").isNull())
                .select(functions.col(VIDEO), functions.explode(functions.col("ava")).as("row"))
                .select(VIDEO, "row.*");
    }

    /** {@link #detect}'s per-person action segments, one per row (the video's errors left out). */
    public static Dataset<Row> personSegments(Dataset<Row> detections) {
        return detections.where(functions.col("error").isNull())
                .select(functions.col(VIDEO), functions.explode(functions.col("segments")).as("segment"))
                .select(VIDEO, "segment.*");
    }

    private static Row recognitionRow(String video, ClipScores scores, int topK, List<String> labels) {
        List<ClassScore> best = scores.topK(topK, labels);
        List<String> names = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (ClassScore score : best) {
            names.add(score.label());
            values.add((double) score.score());
        }
        return RowFactory.create(video, scores.startSeconds(), scores.endSeconds(), best.get(0).label(),
                (double) best.get(0).score(), seq(names), seq(values), null);
    }

    /** Rows hold arrays as Scala sequences. */
    private static <T> scala.collection.immutable.Seq<T> seq(List<T> values) {
        return scala.jdk.javaapi.CollectionConverters.asScala(values).toList();
    }

    /** What one task does with a model and a video; built on the executor, one model per task slot. */
    interface Task<M extends AutoCloseable> extends java.io.Serializable {

        M build();

        /** The video's result rows. */
        List<Row> rows(M model, String video, Path local) throws Exception;

        /** The row that stands for a video that failed. */
        Row error(String video, String reason);
    }

    private static <M extends AutoCloseable> Dataset<Row> run(Dataset<Row> videos, String column, InferenceJob job,
                                                              InferenceMetrics metrics, Task<M> task,
                                                              org.apache.spark.sql.types.StructType schema) {
        MapPartitionsFunction<String, Row> partition = paths -> new PartitionRows<>(paths, job, metrics, task);
        return videos.select(functions.col(column).cast("string")).as(Encoders.STRING())
                .mapPartitions(partition, Encoders.row(schema));
    }

    /**
     * One partition's rows, made as they are asked for: the model is borrowed at the first video and
     * given back when the task completes (however it ends).
     */
    private static final class PartitionRows<M extends AutoCloseable> implements Iterator<Row> {

        private final Iterator<String> videos;
        private final InferenceJob job;
        private final InferenceMetrics metrics;
        private final Task<M> task;
        private final Configuration hadoop = new Configuration();
        private ExecutorModels.Lease<M> lease;
        private Iterator<Row> pending = Collections.emptyIterator();

        PartitionRows(Iterator<String> videos, InferenceJob job, InferenceMetrics metrics, Task<M> task) {
            this.videos = videos;
            this.job = job;
            this.metrics = metrics;
            this.task = task;
        }

        @Override
        public boolean hasNext() {
            while (!pending.hasNext() && videos.hasNext()) {
                pending = rowsOf(videos.next()).iterator();
            }
            return pending.hasNext();
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return pending.next();
        }

        private List<Row> rowsOf(String video) {
            M model = model();
            try (StagedVideo staged = StagedVideo.of(video, hadoop)) {
                List<Row> rows = task.rows(model, video, staged.path());
                metrics.videos().add(1);
                return rows;
            } catch (Exception e) {
                String reason = reason(video, e);
                if (job.failOnError()) {
                    throw new IllegalStateException(reason, e);
                }
                metrics.videos().add(1);
                metrics.errors().add(1);
                return List.of(task.error(video, reason));
            }
        }

        private M model() {
            if (lease == null) {
                lease = ExecutorModels.borrow(job, () -> {
                    metrics.modelsBuilt().add(1);
                    return task.build();
                });
                TaskContext context = TaskContext.get();
                if (context != null) {
                    context.addTaskCompletionListener((TaskCompletionListener) done -> lease.close());
                }
            }
            return lease.model();
        }

        /** The failure in one line that names the video (messages from readers usually do already). */
        private static String reason(String video, Exception e) {
            String message = e instanceof IOException io ? FileMessages.describe(io)
                    : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            String name = video.substring(video.lastIndexOf('/') + 1);
            return message.contains(video) || !name.isEmpty() && message.contains(name) ? message : video + ": " + message;
        }
    }
}
