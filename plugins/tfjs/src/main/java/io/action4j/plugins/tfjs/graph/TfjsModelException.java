package io.action4j.plugins.tfjs.graph;

/**
 * A TensorFlow.js model that cannot be imported: a file missing, truncated or malformed, or a node
 * whose op or attributes SameDiff cannot express. The message names the file or the node.
 */
public class TfjsModelException extends RuntimeException {

    public TfjsModelException(String message) {
        super(message);
    }

    public TfjsModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
