package io.action4j.api;

/**
 * A config value that is out of range or inconsistent. Thrown from a config record's compact
 * constructor; the host adds the key path of the record and the file the value came from.
 */
public class ConfigValueException extends IllegalArgumentException {

    private final String key;

    /**
     * @param key the record component that is wrong, e.g. {@code depth}
     * @param problem what is wrong with it, e.g. {@code must be one of [18, 34], got 19}
     */
    public ConfigValueException(String key, String problem) {
        super(key + ": " + problem);
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** The message without the key. */
    public String problem() {
        return getMessage().substring(key.length() + 2);
    }
}
