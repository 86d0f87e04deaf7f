package io.action4j.localization.bmn;

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
 * BMN (Lin et al., ICCV 2019) as MMAction2 v1.2.0 builds it, with its module names, so that its
 * checkpoints load as they are: the base module ({@code x_1d_b}), the temporal evaluation module
 * ({@code x_1d_s}, {@code x_1d_e}: start and end probabilities per step) and the proposal evaluation
 * module ({@code x_1d_p}, the boundary-matching layer with {@code x_3d_p}, then {@code x_2d_p}: a
 * regression and a classification confidence for every candidate (duration, start)).
 *
 * <p>The boundary-matching layer computes what MMAction2's does, in another order: MMAction2 samples
 * every candidate's features ({@code x @ sample_mask}, N x C x samples x T x T) and then convolves
 * them over the samples ({@code x_3d_p}); here the convolution's weights are applied to the T
 * time steps first and the sampling afterwards, which gives the same sums with about a third of the
 * arithmetic and without the C x samples x T x T intermediate.
 */
final class BmnHead implements LocalizationHead {

    /** N x 2 x T x T: the regression (channel 0) and classification (1) confidence of each candidate. */
    static final String CONFIDENCE_MAP = "confidence_map";
    /** N x T: the probability that an action starts at each step. */
    static final String START = "start";
    /** N x T: the probability that an action ends at each step. */
    static final String END = "end";

    private final BmnConfig config;

    BmnHead(BmnConfig config) {
        this.config = config;
    }

    @Override
    public Map<String, Feature> build(GraphBuilder graph, Feature features) {
        TensorShape in = features.shape();
        int steps = config.temporalDim();
        if (in.rank() != 3 || in.dim(1) != config.featDim() || in.dim(2) != steps) {
            throw new GraphBuildException(graph.qualified("x_1d_b") + ": BMN with featDim " + config.featDim()
                    + " and temporalDim " + steps + " reads N x " + config.featDim() + " x " + steps
                    + " features, got " + in);
        }
        // MMAction2's BMN keeps PyTorch's initialisation (its init_weights does nothing); it trains from there.
        GraphBuilder.ConvInit previous = graph.convInit(GraphBuilder.ConvInit.TORCH_DEFAULT);
        try {
            return buildLayers(graph, features);
        } finally {
            graph.convInit(previous);
        }
    }

    private Map<String, Feature> buildLayers(GraphBuilder graph, Feature features) {
        int steps = config.temporalDim();
        int hidden = config.hiddenDim1d();
        int groups = BmnConfig.GROUPS;
        Feature base = graph.relu("x_1d_b.1", graph.conv1d("x_1d_b.0", features, hidden, 3, 1, 1, groups, true));
        base = graph.relu("x_1d_b.3", graph.conv1d("x_1d_b.2", base, hidden, 3, 1, 1, groups, true));

        Feature start = boundaryProbability(graph, "x_1d_s", base);
        Feature end = boundaryProbability(graph, "x_1d_e", base);

        Feature proposalFeatures = graph.relu("x_1d_p.1", graph.conv1d("x_1d_p.0", base, hidden, 3, 1, 1, 1, true));
        Feature map = graph.relu("x_3d_p.1", boundaryMatching(graph, proposalFeatures));
        int hidden2d = config.hiddenDim2d();
        map = graph.relu("x_2d_p.1", graph.conv2d("x_2d_p.0", map, hidden2d, new int[] {1, 1}, new int[] {1, 1},
                new int[] {0, 0}, true));
        map = graph.relu("x_2d_p.3", graph.conv2d("x_2d_p.2", map, hidden2d, new int[] {3, 3}, new int[] {1, 1},
                new int[] {1, 1}, true));
        map = graph.relu("x_2d_p.5", graph.conv2d("x_2d_p.4", map, hidden2d, new int[] {3, 3}, new int[] {1, 1},
                new int[] {1, 1}, true));
        map = graph.sigmoid("x_2d_p.7", graph.conv2d("x_2d_p.6", map, 2, new int[] {1, 1}, new int[] {1, 1},
                new int[] {0, 0}, true));

        graph.derivedBuffer("bmn.bm_mask", BoundaryMatchingMask.validCandidates(steps), steps, steps);
        SameDiff sd = graph.sameDiff();
        Map<String, Feature> outputs = new LinkedHashMap<>();
        outputs.put(CONFIDENCE_MAP, new Feature(sd.identity(graph.qualified(CONFIDENCE_MAP), map.variable()),
                map.shape()));
        outputs.put(START, start);
        outputs.put(END, end);
        return outputs;
    }

    /** A TEM branch: grouped conv, ReLU, 1x1 conv to one channel, sigmoid, that channel squeezed: N x T. */
    private Feature boundaryProbability(GraphBuilder graph, String module, Feature base) {
        Feature hidden = graph.relu(module + ".1", graph.conv1d(module + ".0", base, config.hiddenDim1d(), 3, 1, 1,
                BmnConfig.GROUPS, true));
        Feature probability = graph.sigmoid(module + ".3", graph.conv1d(module + ".2", hidden, 1, 1, 1, 0, 1, true));
        String name = module.equals("x_1d_s") ? START : END;
        SDVariable squeezed = graph.sameDiff().squeeze(graph.qualified(name), probability.variable(), 1);
        return new Feature(squeezed, TensorShape.of(base.shape().dim(0), config.temporalDim()));
    }

    /**
     * {@code x_3d_p.0} applied to the sampled candidates: N x C x T in, N x hiddenDim3d x T x T out
     * (duration, start), before its ReLU. The 3D convolution's kernel spans all samples, so it is
     * {@code Y[n, o, t, k] = sum_c W[o, c, k] x[n, c, t]} followed by
     * {@code Z[n, o, d, s] = sum_(t, k) Y[n, o, t, k] mask[t, k, d, s]}.
     */
    private Feature boundaryMatching(GraphBuilder graph, Feature input) {
        SameDiff sd = graph.sameDiff();
        long channels = input.shape().dim(1);
        int steps = config.temporalDim();
        int samples = config.numSamples();
        int out = config.hiddenDim3d();
        double bound = 1 / Math.sqrt((double) channels * samples);
        // Graph layout of a 3D convolution's weight (kT, kH, kW, in, out), as the checkpoint loader expects it;
        // PyTorch's default initialisation, as the other layers.
        SDVariable weight = graph.parameter("x_3d_p.0.weight", GraphBuilder.uniform(bound), samples, 1, 1, channels, out);
        SDVariable bias = graph.parameter("x_3d_p.0.bias", GraphBuilder.uniform(bound), out);
        SDVariable mask = graph.derivedBuffer("bmn.sample_mask", BoundaryMatchingMask.weights(steps,
                config.boundaryRatio(), samples, config.numSamplesPerBin()), steps, (long) samples * steps * steps);

        // W as (out * samples) x C, the features as C x (N * T): Y0[(o, k), (n, t)].
        SDVariable w = sd.reshape(sd.permute(sd.reshape(weight, samples, channels, out), 2, 0, 1),
                (long) out * samples, channels);
        SDVariable x = sd.reshape(sd.permute(input.variable(), 1, 0, 2), channels, -1);
        SDVariable y = sd.mmul(w, x);
        // To (n, o) x (t, k), then through the mask viewed as (t, k) x (d, s).
        y = sd.reshape(sd.permute(sd.reshape(y, out, samples, -1, steps), 2, 0, 3, 1), -1, (long) steps * samples);
        SDVariable sampled = sd.mmul(y, sd.reshape(mask, (long) steps * samples, (long) steps * steps));
        SDVariable map = sd.reshape(sampled, -1, out, steps, steps);
        SDVariable withBias = sd.math().add(graph.qualified("x_3d_p.0"), map, sd.reshape(bias, 1, out, 1, 1));
        return new Feature(withBias, TensorShape.of(input.shape().dim(0), out, steps, steps));
    }

    @Override
    public OptionalInt temporalLength() {
        return OptionalInt.of(config.temporalDim());
    }

    @Override
    public List<TemporalSegment> decode(Map<String, INDArray> outputs, double durationSeconds) {
        List<SoftNms.Proposal> candidates = candidates(output(outputs, START), output(outputs, END),
                output(outputs, CONFIDENCE_MAP));
        SoftNms softNms = new SoftNms(config.softNmsAlpha(), config.softNmsLowThreshold(),
                config.softNmsHighThreshold(), config.postProcessTopK());
        List<TemporalSegment> segments = new ArrayList<>();
        for (SoftNms.Proposal proposal : softNms.apply(candidates)) {
            segments.add(new TemporalSegment(Math.max(0, proposal.start()) * durationSeconds,
                    Math.min(1, proposal.end()) * durationSeconds, -1, proposal.score()));
        }
        return segments;
    }

    /**
     * MMAction2's {@code BMN.predict}: boundaries are steps that are local maxima or above half the
     * highest probability (plus the first step as a start and the last as an end); every start-end
     * pair of them (the end before the last step) is a candidate scored by start x end x
     * classification x regression confidence, multiplied in float32 as numpy does.
     */
    List<SoftNms.Proposal> candidates(INDArray start, INDArray end, INDArray confidence) {
        int steps = config.temporalDim();
        float[] startScores = start.reshape(steps).toFloatVector();
        float[] endScores = end.reshape(steps).toFloatVector();
        float[] map = confidence.reshape(2L * steps * steps).toFloatVector();
        boolean[] starts = boundaries(startScores);
        boolean[] ends = boundaries(endScores);
        starts[0] = true;
        ends[steps - 1] = true;
        List<SoftNms.Proposal> candidates = new ArrayList<>();
        for (int duration = 0; duration < steps; duration++) {
            for (int first = 0; first < steps; first++) {
                int last = first + duration + 1;
                if (last < steps && starts[first] && ends[last]) {
                    float classification = map[steps * steps + duration * steps + first];
                    float regression = map[duration * steps + first];
                    float score = startScores[first] * endScores[last] * classification * regression;
                    candidates.add(new SoftNms.Proposal((double) first / steps, (double) last / steps, score));
                }
            }
        }
        return candidates;
    }

    private static boolean[] boundaries(float[] scores) {
        float max = Float.NEGATIVE_INFINITY;
        for (float score : scores) {
            max = Math.max(max, score);
        }
        boolean[] boundary = new boolean[scores.length];
        for (int t = 1; t < scores.length - 1; t++) {
            boundary[t] = scores[t] > scores[t + 1] && scores[t] > scores[t - 1] || scores[t] > 0.5 * max;
        }
        return boundary;
    }

    private INDArray output(Map<String, INDArray> outputs, String name) {
        INDArray value = outputs.get(name);
        if (value == null) {
            throw new IllegalArgumentException("BMN decodes '" + name + "'; the outputs have " + outputs.keySet());
        }
        return value;
    }
}
