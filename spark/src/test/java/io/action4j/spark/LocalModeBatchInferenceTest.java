package io.action4j.spark;

import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/** The batch jobs in Spark's local mode ({@code local[2]}: two task slots in this JVM); in CI. */
class LocalModeBatchInferenceTest extends BatchInferenceContract {

    @Override
    SparkSession startSpark(Path folder) {
        return SparkSession.builder().master("local[2]").appName("action4j-local")
                .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "2").getOrCreate();
    }
}
