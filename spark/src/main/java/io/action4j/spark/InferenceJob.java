package io.action4j.spark;

import java.io.Serializable;
import java.util.List;

/**
 * What every task's batch job states: the model (a config with {@code _base_} files beside it and a
 * checkpoint, both readable on every executor: a shared mount, or files shipped with
 * {@code spark-submit --files}), {@code --set}-style overrides, and whether a bad video fails the job
 * or becomes an error row. Equal jobs share the models an executor has built.
 */
public sealed interface InferenceJob extends Serializable permits RecognitionJob, LocalizationJob, DetectionJob {

    String config();

    /** The checkpoint, or null for the config's seeded weights (tests). */
    String checkpoint();

    List<String> overrides();

    boolean failOnError();

    /** Checks the parts every job needs. */
    static void require(String what, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a " + what + " is required");
        }
    }
}
