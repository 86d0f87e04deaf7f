package io.action4j.spark;

import java.io.Serializable;
import org.apache.spark.SparkContext;
import org.apache.spark.util.LongAccumulator;

/**
 * A batch job's progress as named accumulators, which Spark's UI shows per stage while the job runs:
 * videos done, videos that failed (error rows), frames decoded (by the tasks that report them:
 * localization and detection) and models built on the executors (one per task slot, not per video).
 */
public record InferenceMetrics(LongAccumulator videos, LongAccumulator errors, LongAccumulator frames,
                               LongAccumulator modelsBuilt) implements Serializable {

    /** Accumulators registered with the job's Spark context, named {@code action4j <task> ...}. */
    public static InferenceMetrics register(SparkContext context, String task) {
        return new InferenceMetrics(context.longAccumulator("action4j " + task + " videos"),
                context.longAccumulator("action4j " + task + " errors"),
                context.longAccumulator("action4j " + task + " frames decoded"),
                context.longAccumulator("action4j " + task + " models built"));
    }
}
