package io.action4j.api.model;

/** A model that cannot be built as configured; the message names the layer. */
public class GraphBuildException extends IllegalArgumentException {

    public GraphBuildException(String message) {
        super(message);
    }
}
