package io.action4j.engine.checkpoint;

/**
 * A checkpoint that cannot be read, written or loaded. The message starts with the file (or other
 * source) and names the tensor, key or pickle global concerned.
 */
public class CheckpointException extends RuntimeException {

    public CheckpointException(String message) {
        super(message);
    }

    public CheckpointException(String message, Throwable cause) {
        super(message, cause);
    }
}
