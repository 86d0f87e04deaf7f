package io.action4j.localization.features;

import java.io.IOException;
import java.nio.file.Path;

/** A feature file that cannot be read as features: names the file and, where it helps, the line. */
public final class FeatureFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    public FeatureFormatException(Path file, int line, String problem) {
        super(file + (line > 0 ? ", line " + line : "") + ": " + problem);
    }

    public FeatureFormatException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }
}
