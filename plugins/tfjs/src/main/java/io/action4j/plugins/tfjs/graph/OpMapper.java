package io.action4j.plugins.tfjs.graph;

/** Turns one TensorFlow node into SameDiff ops (or a value folded in Java). */
@FunctionalInterface
interface OpMapper {

    /** Reads the node's inputs and attributes from {@code node} and sets its outputs there. */
    void map(NodeContext node);
}
