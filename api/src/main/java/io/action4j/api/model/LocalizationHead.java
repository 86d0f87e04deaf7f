package io.action4j.api.model;

import io.action4j.api.result.TemporalSegment;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Temporal action localization over a feature sequence (BMN-style); a
 * {@link io.action4j.api.ComponentKind#LOCALIZATION_HEAD}. The graph part and its decoding stay
 * together because only the head knows what its outputs mean.
 */
public interface LocalizationHead {

    /**
     * @param graph the graph, inside the head's name scope
     * @param features snippet features, shape {@code N x C x T}
     * @return the named graph outputs that {@link #decode} reads
     */
    Map<String, Feature> build(GraphBuilder graph, Feature features);

    /**
     * Turns the outputs of one video (batch index 0) into segments, with times in seconds.
     *
     * @param durationSeconds the length of the video the features cover
     */
    List<TemporalSegment> decode(Map<String, INDArray> outputs, double durationSeconds);

    /**
     * The number of time steps the head reads, when it is fixed (BMN's {@code temporal_dim}): a
     * localizer rescales a video's snippet features to it. Empty: any length, features as they are.
     */
    default OptionalInt temporalLength() {
        return OptionalInt.empty();
    }
}
