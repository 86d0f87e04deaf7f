package io.action4j.spark;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/**
 * The batch jobs in Spark's local-cluster mode ({@code local-cluster[2,1,1024]}): two executor JVMs of
 * their own, each with one core, which load ND4J's native build for their CPU themselves. It starts
 * three JVMs and takes minutes, so it runs when asked:
 * {@code mvn -pl spark -am test -Dtest=LocalClusterBatchInferenceTest -Daction4j.spark.localCluster=true}.
 */
class LocalClusterBatchInferenceTest extends BatchInferenceContract {

    @Override
    SparkSession startSpark(Path folder) throws Exception {
        assumeTrue(Boolean.getBoolean("action4j.spark.localCluster"),
                "local-cluster mode runs with -Daction4j.spark.localCluster=true");
        // Spark's workers build the executors' command from a Spark home built from source: its Scala version
        // and its jars (none here: the executors get this JVM's class path, what an assembly jar is on a cluster).
        Path sparkHome = folder.resolve("spark-home");
        Files.createDirectories(sparkHome.resolve("launcher/target/scala-2.13"));
        Files.createDirectories(sparkHome.resolve("assembly/target/scala-2.13/jars"));
        System.setProperty("spark.testing", "true");
        System.setProperty("spark.test.home", sparkHome.toString());
        return SparkSession.builder().master("local-cluster[2,1,1024]").appName("action4j-local-cluster")
                .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
                .config("spark.executor.extraClassPath", System.getProperty("java.class.path")).getOrCreate();
    }
}
