package io.action4j.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.action4j.api.result.ClassScore;
import io.action4j.engine.recognition.Recognizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recognition in Spark's local-cluster mode ({@code local-cluster[2,1,1024]}): two executor JVMs of
 * their own, which load ND4J's native build for their CPU themselves, give the single-machine rows.
 * It starts three JVMs and takes a minute, so it runs when asked:
 * {@code mvn -pl spark -am test -Dtest=LocalClusterBatchInferenceTest -Daction4j.spark.localCluster=true}.
 */
class LocalClusterBatchInferenceTest {

    private static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent();
    private static final Path FIXTURES = REPOSITORY.resolveSibling("shared").resolve("fixtures/mmaction2");

    @TempDir
    Path folder;

    @Test
    void executorJvmsGiveTheSingleMachineRows() throws Exception {
        assumeTrue(Boolean.getBoolean("action4j.spark.localCluster"),
                "local-cluster mode runs with -Daction4j.spark.localCluster=true");
        assumeTrue(Files.isDirectory(FIXTURES), "missing fixtures " + FIXTURES);
        Path videos = Files.createDirectories(folder.resolve("videos"));
        Files.copy(FIXTURES.resolve("tests/data/test.mp4"), videos.resolve("a.mp4"));
        Files.copy(FIXTURES.resolve("tests/data/test.avi"), videos.resolve("b.avi"));
        Files.copy(FIXTURES.resolve("demo/demo.mp4"), videos.resolve("c.mp4"));
        Files.writeString(videos.resolve("d_broken.mp4"), "not a video\n");
        Path labels = Files.write(folder.resolve("classes.txt"), IntStream.range(0, 9).mapToObj(i -> "class" + i).toList());
        String config = REPOSITORY.resolve("configs/recognition/synth/r3d-small_synth.yaml").toString();
        String checkpoint = REPOSITORY.resolve("launcher/src/main/resources/io/action4j/launcher/demo/"
                + "r3d-small_synth.safetensors").toString();
        // Spark's workers build the executors' command from a Spark home; in a test there is none, so the
        // executors get this JVM's class path instead (what an assembly jar is on a real cluster).
        System.setProperty("spark.testing", "true");
        Path sparkHome = folder.resolve("spark-home");
        // What Spark's launcher looks for in a Spark home built from source: its Scala version and its jars
        // (none here: the executors' class path is this JVM's).
        Files.createDirectories(sparkHome.resolve("launcher/target/scala-2.13"));
        Files.createDirectories(sparkHome.resolve("assembly/target/scala-2.13/jars"));
        System.setProperty("spark.test.home", sparkHome.toString());
        SparkSession spark = SparkSession.builder().master("local-cluster[2,1,1024]").appName("action4j-local-cluster")
                .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
                .config("spark.executor.extraClassPath", System.getProperty("java.class.path"))
                .getOrCreate();
        Map<String, Row> byVideo;
        InferenceMetrics metrics;
        try {
            metrics = InferenceMetrics.register(spark.sparkContext(), "recognition");
            Dataset<Row> table = BatchInference.videosIn(spark, videos.toString()).repartition(4);
            byVideo = BatchInference.recognize(table, RecognitionJob.of(config, checkpoint, labels.toString()), metrics)
                    .collectAsList().stream()
                    .collect(Collectors.toMap(row -> Path.of(row.getString(0)).getFileName().toString(), row -> row));
        } finally {
            spark.stop();
        }

        assertThat(byVideo).containsOnlyKeys("a.mp4", "b.avi", "c.mp4", "d_broken.mp4");
        assertThat(byVideo.get("d_broken.mp4").getString(7)).contains("d_broken.mp4");
        assertThat(metrics.modelsBuilt().value()).as("one per executor (each has one core)").isEqualTo(2);
        try (Recognizer recognizer = Recognizer.builder().config(Path.of(config)).checkpoint(Path.of(checkpoint)).build()) {
            for (String name : List.of("a.mp4", "b.avi", "c.mp4")) {
                List<ClassScore> expected = recognizer.recognize(videos.resolve(name)).topK(5, Files.readAllLines(labels));
                Row row = byVideo.get(name);
                assertThat(row.<String>getList(5)).as(name).containsExactlyElementsOf(
                        expected.stream().map(ClassScore::label).toList());
                assertThat(row.getDouble(4)).as(name).isCloseTo(expected.get(0).score(),
                        org.assertj.core.api.Assertions.within(1e-6));
            }
        }
    }
}
