package io.action4j.localization.bsn;

import io.action4j.api.model.Feature;
import io.action4j.api.model.GraphBuildException;
import io.action4j.api.model.GraphBuilder;
import io.action4j.api.model.LocalizationHead;
import io.action4j.api.model.TensorShape;
import io.action4j.api.result.TemporalSegment;
import io.action4j.localization.postprocess.SoftNms;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * MMAction2's {@code TEM}: {@code conv1} (k 3) and {@code conv2} (k 3) with ReLU, {@code conv3} (k 1)
 * to three channels, {@code sigmoid(0.01 x)}: actionness, start and end per step. Decoding follows
 * BSN's candidate generation: boundaries are local maxima or steps above {@code peakThreshold} of the
 * highest (plus both ends), placed at the steps' centres; every start before an end is a proposal
 * scored by start x end; Soft-NMS keeps the best.
 */
final class TemHead implements LocalizationHead {

    static final String ACTIONNESS = "actionness";
    static final String START = "tem_start";
    static final String END = "tem_end";

    private final TemConfig config;

    TemHead(TemConfig config) {
        this.config = config;
    }

    @Override
    public Map<String, Feature> build(GraphBuilder graph, Feature features) {
        TensorShape in = features.shape();
        int steps = config.temporalDim();
        if (in.rank() != 3 || in.dim(1) != config.featDim() || in.dim(2) != steps) {
            throw new GraphBuildException(graph.qualified("conv1") + ": TEM with featDim " + config.featDim()
                    + " and temporalDim " + steps + " reads N x " + config.featDim() + " x " + steps
                    + " features, got " + in);
        }
        GraphBuilder.ConvInit previous = graph.convInit(GraphBuilder.ConvInit.TORCH_DEFAULT);
        Feature scores;
        try {
            Feature x = graph.relu("conv1.relu", graph.conv1d("conv1", features, config.hiddenDim(), 3, 1, 1, 1, true));
            x = graph.relu("conv2.relu", graph.conv1d("conv2", x, config.hiddenDim(), 3, 1, 1, 1, true));
            scores = graph.conv1d("conv3", x, 3, 1, 1, 0, 1, true);
        } finally {
            graph.convInit(previous);
        }
        SameDiff sd = graph.sameDiff();
        SDVariable probabilities = sd.nn().sigmoid(scores.variable().mul(0.01));
        Map<String, Feature> outputs = new LinkedHashMap<>();
        String[] names = {ACTIONNESS, START, END};
        for (int channel = 0; channel < names.length; channel++) {
            SDVariable row = sd.squeeze(graph.qualified(names[channel]),
                    sd.slice(probabilities, new int[] {0, channel, 0}, -1, 1, steps), 1);
            outputs.put(names[channel], new Feature(row, TensorShape.of(in.dim(0), steps)));
        }
        return outputs;
    }

    @Override
    public OptionalInt temporalLength() {
        return OptionalInt.of(config.temporalDim());
    }

    @Override
    public List<TemporalSegment> decode(Map<String, INDArray> outputs, double durationSeconds) {
        int steps = config.temporalDim();
        float[] start = output(outputs, START).reshape(steps).toFloatVector();
        float[] end = output(outputs, END).reshape(steps).toFloatVector();
        boolean[] starts = boundaries(start);
        boolean[] ends = boundaries(end);
        double gap = 1.0 / steps;
        List<SoftNms.Proposal> candidates = new ArrayList<>();
        for (int last = 0; last < steps; last++) {
            if (!ends[last]) {
                continue;
            }
            double to = gap / 2 + gap * last;
            for (int first = 0; first < steps; first++) {
                if (!starts[first]) {
                    continue;
                }
                double from = gap / 2 + gap * first;
                if (from >= to) {
                    break;
                }
                candidates.add(new SoftNms.Proposal(from, to, (double) start[first] * end[last]));
            }
        }
        SoftNms softNms = new SoftNms(config.softNmsAlpha(), config.softNmsLowThreshold(),
                config.softNmsHighThreshold(), config.postProcessTopK());
        List<TemporalSegment> segments = new ArrayList<>();
        for (SoftNms.Proposal proposal : softNms.apply(candidates)) {
            segments.add(new TemporalSegment(Math.max(0, proposal.start()) * durationSeconds,
                    Math.min(1, proposal.end()) * durationSeconds, -1, proposal.score()));
        }
        return segments;
    }

    /** Local maxima and steps above {@code peakThreshold} of the highest; the first and the last step always. */
    private boolean[] boundaries(float[] scores) {
        float max = Float.NEGATIVE_INFINITY;
        for (float score : scores) {
            max = Math.max(max, score);
        }
        boolean[] boundary = new boolean[scores.length];
        boundary[0] = true;
        boundary[scores.length - 1] = true;
        for (int t = 1; t < scores.length - 1; t++) {
            boundary[t] = scores[t] > scores[t + 1] && scores[t] > scores[t - 1]
                    || scores[t] > config.peakThreshold() * max;
        }
        return boundary;
    }

    private static INDArray output(Map<String, INDArray> outputs, String name) {
        INDArray value = outputs.get(name);
        if (value == null) {
            throw new IllegalArgumentException("TEM decodes '" + name + "'; the outputs have " + outputs.keySet());
        }
        return value;
    }
}
