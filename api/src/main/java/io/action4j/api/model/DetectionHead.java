package io.action4j.api.model;

import io.action4j.api.detection.NormalizedBox;
import io.action4j.api.result.ActorDetection;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * AVA-style spatio-temporal detection: multi-label action scores for each person box on a
 * keyframe; a {@link io.action4j.api.ComponentKind#DETECTION_HEAD}.
 */
public interface DetectionHead {

    int numClasses();

    /**
     * @param graph the graph, inside the head's name scope
     * @param features the backbone's output for the keyframe-centred clip
     * @param rois boxes as {@code R x 5}: batch index, then x1, y1, x2, y2 in input pixels
     * @return the named graph outputs that {@link #decode} reads
     */
    Map<String, Feature> build(GraphBuilder graph, Feature features, Feature rois);

    /**
     * Inputs the head computes from the boxes before each run, besides the boxes themselves (a
     * RoIAlign's sampling matrix, see {@link RoiAlign}), by placeholder name; none by default.
     *
     * @param rois the boxes as fed: R x 5, batch index, then x1, y1, x2, y2 in input pixels
     * @param batchSize the clips in the batch
     */
    default Map<String, INDArray> inputsFor(INDArray rois, long batchSize) {
        return Map.of();
    }

    /** Turns the outputs for {@code boxes} (in the original frame, normalised to 0..1) into detections. */
    List<ActorDetection> decode(Map<String, INDArray> outputs, List<NormalizedBox> boxes, double timestampSeconds);
}
