package io.action4j.spark;

import java.io.Serializable;
import java.util.List;

/**
 * What every task's batch job states: the model (a config with {@code _base_} files beside it and a
 * checkpoint, both readable on every executor: a shared mount, or files shipped with
 * {@code spark-submit --files}; relative paths are made absolute where the job is made), {@code --set}-style overrides, and whether a bad video fails the job
 * or becomes an error row. Equal jobs share the models an executor has built.
 */
public sealed interface InferenceJob extends Serializable permits RecognitionJob, LocalizationJob, DetectionJob {

    String config();

    /** The checkpoint, or null for the config's seeded weights (tests). */
    String checkpoint();

    List<String> overrides();

    boolean failOnError();

    /**
     * A model file as executors will open it: a relative path is made absolute where the job is made (the
     * driver), since an executor's working folder is its own; null stays null.
     */
    static String executorPath(String file) {
        if (file == null || file.isBlank() || java.nio.file.Path.of(file).isAbsolute()) {
            return file;
        }
        return java.nio.file.Path.of(file).toAbsolutePath().normalize().toString();
    }

    /** Checks the parts every job needs. */
    static void require(String what, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a " + what + " is required");
        }
    }
}
