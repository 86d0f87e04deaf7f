package io.action4j.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.action4j.api.result.ClassScore;
import io.action4j.api.result.TemporalSegment;
import io.action4j.engine.checkpoint.Checkpoint;
import io.action4j.engine.data.VideoWriters;
import io.action4j.engine.recognition.Recognizer;
import io.action4j.localization.run.LocalizationResult;
import io.action4j.localization.run.Localizer;
import io.action4j.registry.PluginLoader;
import io.action4j.synth.Split;
import io.action4j.synth.SynthConfig;
import io.action4j.synth.UntrimmedVideo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every Spark mode must give, over a folder of real and generated videos and one file that is not a
 * video: each job's rows equal what the single-machine facade gives for the same video, the bad file is
 * an error row that names it while the job goes on, and each task slot builds its model once however many
 * partitions it runs. {@link LocalModeBatchInferenceTest} runs it in local mode (in CI),
 * {@link LocalClusterBatchInferenceTest} with executor JVMs of their own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BatchInferenceContract {

    private static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent();
    private static final Path FIXTURES = REPOSITORY.resolveSibling("shared").resolve("fixtures/mmaction2");
    private static final Path DEMO_MODELS = REPOSITORY.resolve("launcher/src/main/resources/io/action4j/launcher/demo");

    @TempDir
    static Path folder;

    private SparkSession spark;
    private Path videos;
    private Path labels;

    /** The session of the mode under test; {@code folder} is for its files. */
    abstract SparkSession startSpark(Path folder) throws Exception;

    @BeforeAll
    void startSparkAndWriteVideos() throws Exception {
        assumeTrue(Files.isDirectory(FIXTURES), "missing fixtures " + FIXTURES + " (the ../shared checkout); skipping");
        videos = Files.createDirectories(folder.resolve("videos"));
        Files.copy(FIXTURES.resolve("tests/data/test.mp4"), videos.resolve("a_test.mp4"));
        Files.copy(FIXTURES.resolve("tests/data/test.avi"), videos.resolve("b_test.avi"));
        Files.writeString(videos.resolve("c_broken.mp4"), "not a video\n");
        UntrimmedVideo untrimmed = UntrimmedVideo.of(SynthConfig.defaults(), 150, new int[] {25, 50},
                new int[] {15, 30}, Split.TEST, 100_000);
        untrimmed.write(videos.resolve("d_untrimmed.mp4"),
                VideoWriters.standard(PluginLoader.load(BatchInferenceContract.class.getClassLoader(), List.of())));
        Files.writeString(videos.resolve("notes.txt"), "not listed: no video extension\n");
        labels = Files.write(folder.resolve("classes.txt"), IntStream.range(0, 9).mapToObj(i -> "class" + i).toList());
        spark = startSpark(folder);
    }

    @AfterAll
    void stopSpark() {
        if (spark != null) {
            spark.stop();
        }
    }

    @Test
    void recognitionRowsEqualTheRecognizersAndABadVideoIsAnErrorRow() throws Exception {
        String config = REPOSITORY.resolve("configs/recognition/synth/r3d-small_synth.yaml").toString();
        String checkpoint = DEMO_MODELS.resolve("r3d-small_synth.safetensors").toString();
        // Four partitions over two task slots: the slots build one model each and reuse it.
        Dataset<Row> table = BatchInference.videosIn(spark, videos.toString()).repartition(4);
        RecognitionJob job = RecognitionJob.of(config, checkpoint, labels.toString()).withTopK(3);

        InferenceMetrics metrics = InferenceMetrics.register(spark.sparkContext(), "recognition");
        Dataset<Row> results = BatchInference.recognize(table, job, metrics);
        Map<String, Row> byVideo = results.collectAsList().stream()
                .collect(Collectors.toMap(row -> Path.of(row.getString(0)).getFileName().toString(), row -> row));

        assertThat(results.schema()).isEqualTo(ResultSchemas.RECOGNITION);
        assertThat(byVideo).containsOnlyKeys("a_test.mp4", "b_test.avi", "c_broken.mp4", "d_untrimmed.mp4");
        assertThat(metrics.videos().value()).isEqualTo(4);
        assertThat(metrics.errors().value()).isEqualTo(1);
        assertThat(metrics.modelsBuilt().value()).as("one model per task slot, not per partition").isBetween(1L, 2L);
        Row broken = byVideo.get("c_broken.mp4");
        assertThat(broken.getString(broken.fieldIndex("error"))).contains("c_broken.mp4");
        assertThat(broken.isNullAt(broken.fieldIndex("label"))).isTrue();
        try (Recognizer recognizer = Recognizer.builder().config(Path.of(config)).checkpoint(Path.of(checkpoint)).build()) {
            for (String name : List.of("a_test.mp4", "b_test.avi", "d_untrimmed.mp4")) {
                Row row = byVideo.get(name);
                List<ClassScore> expected = recognizer.recognize(videos.resolve(name))
                        .topK(3, Files.readAllLines(labels));
                assertThat(row.isNullAt(row.fieldIndex("error"))).as(name + ": " + row).isTrue();
                assertThat(row.<String>getList(row.fieldIndex("top_labels")))
                        .containsExactlyElementsOf(expected.stream().map(ClassScore::label).toList());
                List<Double> scores = row.getList(row.fieldIndex("top_scores"));
                for (int k = 0; k < 3; k++) {
                    assertThat(scores.get(k)).isCloseTo(expected.get(k).score(), within(1e-6));
                }
                assertThat(row.getString(row.fieldIndex("label"))).isEqualTo(expected.get(0).label());
            }
        }
    }

    @Test
    void theApplicationWritesJsonLinesAndRefusesToReplaceAnEarlierOutput() throws Exception {
        String config = REPOSITORY.resolve("configs/recognition/synth/r3d-small_synth.yaml").toString();
        Path list = Files.writeString(folder.resolve("videos.txt"), videos.resolve("a_test.mp4") + "\n\n"
                + videos.resolve("c_broken.mp4") + "\n");
        Path out = folder.resolve("recognized");
        String[] args = {"recognize", list.toString(), "--list", "--config", config, "--labels", labels.toString(),
                "--top-k", "2", "--format", "json", "--out", out.toString()};
        java.io.StringWriter printed = new java.io.StringWriter();
        java.io.StringWriter errors = new java.io.StringWriter();

        int first = SparkApp.run(args, new java.io.PrintWriter(printed, true), new java.io.PrintWriter(errors, true));
        int second = SparkApp.run(args, new java.io.PrintWriter(printed, true), new java.io.PrintWriter(errors, true));

        assertThat(first).as(errors.toString()).isZero();
        assertThat(printed.toString()).contains("recognize: 2 rows from " + list);
        List<Row> rows = spark.read().json(out.toString()).collectAsList();
        assertThat(rows).hasSize(2);
        assertThat(rows).filteredOn(row -> row.getString(row.fieldIndex("video")).endsWith("a_test.mp4")).singleElement()
                .satisfies(row -> assertThat(row.getList(row.fieldIndex("top_labels"))).hasSize(2));
        assertThat(second).isEqualTo(1);
        assertThat(errors.toString()).contains("already exists");
        assertThat(spark.read().json(out.toString()).count()).isEqualTo(2);
    }

    @Test
    void aJobThatFailsOnErrorStopsAtTheBadVideo() {
        String config = REPOSITORY.resolve("configs/recognition/synth/r3d-small_synth.yaml").toString();
        Dataset<Row> broken = spark.createDataset(List.of(videos.resolve("c_broken.mp4").toString()),
                org.apache.spark.sql.Encoders.STRING()).toDF(BatchInference.VIDEO);
        RecognitionJob job = RecognitionJob.of(config, null, labels.toString()).failingOnError(true);

        assertThatThrownBy(() -> BatchInference.recognize(broken, job).collectAsList())
                .hasStackTraceContaining("c_broken.mp4");
    }

    @Test
    void detectionRowsEqualTheDetectorsKeyframesAndSegments() throws Exception {
        String config = REPOSITORY.resolve("configs/detection/synth/r3d-small_ava-synth.yaml").toString();
        String checkpoint = DEMO_MODELS.resolve("r3d-small_ava-synth.safetensors").toString();
        String labelMap = DEMO_MODELS.resolve("ava-synth_actions.pbtxt").toString();
        // Two people on keyframes 1 to 4 s of a_test.mp4, as a box file (AVA rows) gives them.
        Path boxes = Files.writeString(folder.resolve("boxes.csv"), String.join("\n",
                "a_test,1,0.100,0.100,0.400,0.600,1,0.9", "a_test,1,0.500,0.200,0.800,0.900,1,0.8",
                "a_test,2,0.100,0.100,0.400,0.600,1,0.9", "a_test,2,0.520,0.200,0.820,0.900,1,0.8",
                "a_test,3,0.100,0.100,0.400,0.600,1,0.9", "a_test,4,0.100,0.100,0.400,0.600,1,0.9", ""));
        Path video = videos.resolve("a_test.mp4");
        Dataset<Row> table = spark.createDataset(List.of(video.toString(), videos.resolve("c_broken.mp4").toString()),
                org.apache.spark.sql.Encoders.STRING()).toDF(BatchInference.VIDEO);
        DetectionJob job = new DetectionJob(config, checkpoint, labelMap, boxes.toString(), 0.0, List.of(), false);

        Dataset<Row> detections = BatchInference.detect(table, job).cache();
        List<Row> ava = BatchInference.avaRows(detections).collectAsList();
        List<Row> segments = BatchInference.personSegments(detections).collectAsList();
        List<Row> errors = detections.where("error is not null").collectAsList();

        List<String> expectedAva = new java.util.ArrayList<>();
        io.action4j.spatiotemporal.run.DetectionResult expected;
        try (io.action4j.spatiotemporal.run.Detector detector = io.action4j.spatiotemporal.run.Detector.builder()
                .config(Path.of(config)).checkpoint(Path.of(checkpoint)).labelMap(Path.of(labelMap))
                .boxes(boxes.toString(), 0.0).build()) {
            expected = detector.detect(video, new io.action4j.spatiotemporal.run.DetectionListener() {
                @Override
                public void keyframe(io.action4j.spatiotemporal.run.KeyframeDetections keyframe) {
                    for (var person : keyframe.people()) {
                        for (var action : person.actions()) {
                            expectedAva.add(keyframe.seconds() + " " + person.trackId() + " " + person.box() + " "
                                    + action.actionId() + " " + action.score());
                        }
                    }
                }
            }, io.action4j.engine.stream.DecodeProgress.NONE);
        }
        assertThat(expectedAva).hasSizeGreaterThan(6);
        assertThat(ava).extracting(row -> row.getDouble(row.fieldIndex("timestamp")) + " "
                + row.getInt(row.fieldIndex("person")) + " " + new io.action4j.api.detection.NormalizedBox(
                        row.getFloat(row.fieldIndex("x1")), row.getFloat(row.fieldIndex("y1")),
                        row.getFloat(row.fieldIndex("x2")), row.getFloat(row.fieldIndex("y2"))) + " "
                + row.getInt(row.fieldIndex("action_id")) + " " + row.getFloat(row.fieldIndex("score")))
                .containsExactlyElementsOf(expectedAva);
        assertThat(segments).extracting(row -> row.getInt(row.fieldIndex("person")) + " "
                        + row.getString(row.fieldIndex("action")) + " " + row.getDouble(row.fieldIndex("start")) + " "
                        + row.getDouble(row.fieldIndex("end")))
                .containsExactlyElementsOf(expected.segments().stream().map(segment -> segment.trackId() + " "
                        + segment.label() + " " + segment.startSeconds() + " " + segment.endSeconds()).toList());
        assertThat(errors).singleElement()
                .satisfies(row -> assertThat(row.getString(row.fieldIndex("error"))).contains("c_broken.mp4"));
    }

    @Test
    void localizationRowsEqualTheLocalizersSegments() throws Exception {
        String config = REPOSITORY.resolve("configs/localization/synth/bmn_r3d-small_synth-untrimmed.yaml").toString();
        String head = DEMO_MODELS.resolve("bmn_r3d-small_synth-untrimmed.safetensors").toString();
        String backbone = DEMO_MODELS.resolve("r3d-small_synth.safetensors").toString();
        Path video = videos.resolve("d_untrimmed.mp4");
        Dataset<Row> table = spark.createDataset(List.of(video.toString(), videos.resolve("c_broken.mp4").toString()),
                org.apache.spark.sql.Encoders.STRING()).toDF(BatchInference.VIDEO);

        List<Row> rows = BatchInference.localize(table, LocalizationJob.of(config, head).withBackboneCheckpoint(backbone))
                .collectAsList();

        LocalizationResult expected;
        try (Localizer localizer = Localizer.builder().config(Path.of(config)).checkpoint(Path.of(head))
                .backboneCheckpoint(new Checkpoint(Path.of(backbone), Checkpoint.AUTO, false)).build()) {
            expected = localizer.localize(video);
        }
        List<Row> segments = rows.stream().filter(row -> row.isNullAt(row.fieldIndex("error"))).toList();
        assertThat(segments).hasSize(expected.segments().size()).isNotEmpty();
        for (int i = 0; i < segments.size(); i++) {
            Row row = segments.get(i);
            TemporalSegment segment = expected.segments().get(i);
            assertThat(row.getString(0)).isEqualTo(video.toString());
            assertThat(row.getDouble(row.fieldIndex("start"))).isCloseTo(segment.startSeconds(), within(1e-9));
            assertThat(row.getDouble(row.fieldIndex("end"))).isCloseTo(segment.endSeconds(), within(1e-9));
            assertThat(row.getDouble(row.fieldIndex("score"))).isCloseTo(segment.score(), within(1e-9));
        }
        assertThat(rows).filteredOn(row -> !row.isNullAt(row.fieldIndex("error"))).singleElement()
                .satisfies(row -> assertThat(row.getString(row.fieldIndex("error"))).contains("c_broken.mp4"));
    }
}
