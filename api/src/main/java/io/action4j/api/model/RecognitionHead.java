package io.action4j.api.model;

/** Turns backbone features into class scores; a {@link io.action4j.api.ComponentKind#RECOGNITION_HEAD}. */
public interface RecognitionHead {

    int numClasses();

    /**
     * @param graph the graph, inside the head's name scope
     * @param features the backbone's output
     * @return class logits, shape {@code N x numClasses}
     */
    Feature build(GraphBuilder graph, Feature features);
}
