package io.action4j.localization.bmn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.action4j.api.model.Feature;
import io.action4j.api.model.TensorShape;
import io.action4j.api.result.TemporalSegment;
import io.action4j.engine.model.SameDiffGraphBuilder;
import io.action4j.localization.postprocess.SoftNms;
import io.action4j.testing.ParityFixture;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.NameScope;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * BMN against MMAction2 v1.2.0's own BMN ({@code parity/make_bmn_fixture.py} runs it from a
 * checkout): the same state dict and features give the same three outputs, and the same outputs
 * decode to the same proposals.
 */
class BmnHeadParityTest {

    private static final double OUTPUT_TOLERANCE = 1e-5;

    private static ParityFixture fixture;
    private static BmnConfig config;

    @BeforeAll
    static void load() throws Exception {
        fixture = ParityFixture.resource(BmnHeadParityTest.class, "bmn");
        config = new ObjectMapper().treeToValue(fixture.config(), BmnConfig.class);
    }

    @Test
    void theSamplingMaskEqualsMmaction2s() {
        float[] mask = BoundaryMatchingMask.weights(config.temporalDim(), config.boundaryRatio(), config.numSamples(),
                config.numSamplesPerBin());

        assertThat(mask).containsExactly(fixture.tensor("sample_mask").reshape(-1).toFloatVector());
        assertThat(BoundaryMatchingMask.validCandidates(config.temporalDim()))
                .containsExactly(fixture.tensor("bm_mask").reshape(-1).toFloatVector());
    }

    @Test
    void outputsMatchMmaction2GivenItsWeights() {
        BmnHead head = new BmnHead(config);
        SameDiff sd = SameDiff.create();
        SameDiffGraphBuilder graph = new SameDiffGraphBuilder(sd, 1);
        TensorShape shape = TensorShape.of(TensorShape.UNKNOWN, config.featDim(), config.temporalDim());
        Feature input = new Feature(sd.placeHolder("input", DataType.FLOAT, shape.dims()), shape);
        Map<String, Feature> outputs;
        try (NameScope ignored = graph.scope("loc_head")) {
            outputs = head.build(graph, input);
        }
        loadStateDict(graph, sd);

        Map<String, INDArray> results = sd.output(Map.of("input", fixture.tensor("features")),
                outputs.values().stream().map(feature -> feature.variable().name()).toArray(String[]::new));

        for (String name : List.of(BmnHead.CONFIDENCE_MAP, BmnHead.START, BmnHead.END)) {
            INDArray actual = results.get(outputs.get(name).variable().name());
            INDArray expected = fixture.tensor(name);
            assertThat(actual.shape()).as(name).containsExactly(expected.shape());
            double difference = actual.sub(expected).amaxNumber().doubleValue();
            assertThat(difference).as(name + ": largest difference").isLessThan(OUTPUT_TOLERANCE);
        }
    }

    @Test
    void mmaction2sOutputsDecodeToItsProposals() {
        BmnHead head = new BmnHead(config);
        double duration = fixture.manifest().get("durationSecond").asDouble();
        Map<String, INDArray> outputs = Map.of(
                BmnHead.START, fixture.tensor("start").get(org.nd4j.linalg.indexing.NDArrayIndex.point(0)),
                BmnHead.END, fixture.tensor("end").get(org.nd4j.linalg.indexing.NDArrayIndex.point(0)),
                BmnHead.CONFIDENCE_MAP, fixture.tensor("confidence_map")
                        .get(org.nd4j.linalg.indexing.NDArrayIndex.point(0)));

        List<TemporalSegment> segments = head.decode(outputs, duration);

        INDArray expected = fixture.tensor("proposals");
        assertThat(segments).hasSize((int) expected.size(0));
        for (int i = 0; i < segments.size(); i++) {
            TemporalSegment segment = segments.get(i);
            // The fixture holds MMAction2's float64 values as float32.
            assertThat(segment.startSeconds()).as("proposal %d start", i).isCloseTo(expected.getDouble(i, 0), within(1e-5));
            assertThat(segment.endSeconds()).as("proposal %d end", i).isCloseTo(expected.getDouble(i, 1), within(1e-5));
            assertThat(segment.score()).as("proposal %d score", i).isCloseTo(expected.getDouble(i, 2), within(1e-7));
            assertThat(segment.label()).isEqualTo(-1);
        }
    }

    @Test
    void softNmsDecaysOverlapsAboveTheLengthDependentThreshold() {
        SoftNms softNms = new SoftNms(0.4, 0.5, 0.9, 10);
        // Kept first: [0, 0.5] (score 0.9), length 0.5, so the threshold is 0.5 + 0.4 * 0.5 = 0.7.
        // [0, 0.4] overlaps it by tIoU 0.8: decayed by exp(-0.64 / 0.4). [0.1, 0.5] has tIoU 0.8 too.
        // [0.3, 0.6] has tIoU 0.2/0.6 = 0.33: left alone.
        List<SoftNms.Proposal> kept = softNms.apply(List.of(new SoftNms.Proposal(0, 0.5, 0.9),
                new SoftNms.Proposal(0, 0.4, 0.8), new SoftNms.Proposal(0.3, 0.6, 0.5)));

        assertThat(kept).extracting(SoftNms.Proposal::start).containsExactly(0.0, 0.3, 0.0);
        assertThat(kept.get(2).score()).isCloseTo(0.8 * Math.exp(-0.64 / 0.4), within(1e-12));
        assertThat(kept.get(1).score()).isEqualTo(0.5);
    }

    /** The state dict as the checkpoint loader would place it: through each parameter's recorded layout. */
    private static void loadStateDict(SameDiffGraphBuilder graph, SameDiff sd) {
        fixture.tensors().forEach((key, value) -> {
            String name = BmnHeadFactory.MMACTION2_BMN.toGraphName(key).orElse(null);
            if (name == null || !sd.hasVariable(name)) {
                return; // the data tensors
            }
            int[] order = graph.torchLayout(name).orElse(value.rank() == 5 ? new int[] {2, 3, 4, 1, 0} : null);
            INDArray converted = order == null ? value : value.permute(order).dup('c');
            assertThat(sd.getVariable(name).getArr().shape()).as(name).containsExactly(converted.shape());
            sd.getVariable(name).setArray(converted);
        });
    }
}
