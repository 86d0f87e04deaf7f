package io.action4j.api.model;

/** Turns an input clip tensor (NCTHW) into features; a {@link io.action4j.api.ComponentKind#BACKBONE}. */
public interface Backbone {

    /**
     * Adds the backbone's layers to the graph.
     *
     * @param graph the graph, already inside the backbone's name scope
     * @param input the clip tensor, NCTHW
     * @return the features with their declared shape (NCTHW feature maps for 3D backbones)
     * @throws GraphBuildException when the input is too small for a layer, naming the layer
     */
    Feature build(GraphBuilder graph, Feature input);
}
