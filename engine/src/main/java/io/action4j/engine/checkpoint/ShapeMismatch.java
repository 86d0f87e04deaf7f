package io.action4j.engine.checkpoint;

import java.util.Arrays;

/**
 * A checkpoint tensor whose shape does not fit its graph variable, with both shapes in both
 * layouts so that the message reads in whichever the reader knows.
 */
public record ShapeMismatch(String key, String graphName, long[] checkpointShape, long[] checkpointShapeInGraphLayout,
                            long[] graphShape, long[] graphShapeInCheckpointLayout) {

    public ShapeMismatch {
        checkpointShape = checkpointShape.clone();
        checkpointShapeInGraphLayout = checkpointShapeInGraphLayout.clone();
        graphShape = graphShape.clone();
        graphShapeInCheckpointLayout = graphShapeInCheckpointLayout.clone();
    }

    @Override
    public String toString() {
        return key + " -> " + graphName + ": checkpoint " + Arrays.toString(checkpointShape) + " (graph layout "
                + Arrays.toString(checkpointShapeInGraphLayout) + "), graph " + Arrays.toString(graphShape)
                + " (checkpoint layout " + Arrays.toString(graphShapeInCheckpointLayout) + ")";
    }
}
