package io.action4j.registry.config;

/**
 * A config that cannot be loaded or bound. The message reads {@code source: key.path: problem},
 * where the source is the file (or {@code --set} expression) the offending value came from.
 */
public class ConfigException extends RuntimeException {

    private final String source;
    private final String keyPath;
    private final String problem;

    public ConfigException(String source, String keyPath, String problem) {
        this(source, keyPath, problem, null);
    }

    public ConfigException(String source, String keyPath, String problem, Throwable cause) {
        super(source + ": " + (keyPath.isEmpty() ? "" : keyPath + ": ") + problem, cause);
        this.source = source;
        this.keyPath = keyPath;
        this.problem = problem;
    }

    /** The file or {@code --set} expression the value came from. */
    public String source() {
        return source;
    }

    /** Dotted path of the key, e.g. {@code model.backbone.depth}; empty for the whole file. */
    public String keyPath() {
        return keyPath;
    }

    public String problem() {
        return problem;
    }
}
