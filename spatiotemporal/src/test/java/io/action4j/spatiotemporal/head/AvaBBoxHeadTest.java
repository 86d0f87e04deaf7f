package io.action4j.spatiotemporal.head;

import static org.assertj.core.api.Assertions.assertThat;

import io.action4j.api.detection.NormalizedBox;
import io.action4j.api.model.Feature;
import io.action4j.api.model.TensorShape;
import io.action4j.api.result.ActorDetection;
import io.action4j.engine.model.SameDiffGraphBuilder;
import io.action4j.testing.ParityFixture;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.NameScope;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The AVA RoI head against MMAction2's forward written out with torchvision's roi_align
 * ({@code parity/make_ava_head_fixture.py}): the same features, boxes (inside, the whole frame,
 * across the border, tiny) and classifier give the same scores; decoding leaves out the background.
 */
class AvaBBoxHeadTest {

    private static final ParityFixture FIXTURE = ParityFixture.resource(AvaBBoxHeadTest.class, "ava_head");

    @Test
    void withRoiPoolTheScoresMatchMmaction2sRoiHeadWithRoiPool() {
        int classes = FIXTURE.config().get("numClasses").asInt();
        AvaBBoxHead head = new AvaBBoxHead(new AvaBBoxHeadConfig(classes, 8, 0.0625, 0, true, "avg", "max", 0, 0.01, 0, 1,
                AvaBBoxHeadConfig.ROI_POOL));

        assertThat(scores(head).sub(FIXTURE.tensor("cls_score_roi_pool")).amaxNumber().doubleValue()).isLessThan(1e-5);
    }

    /** The head's scores for the fixture's features, boxes and classifier. */
    private static INDArray scores(AvaBBoxHead head) {
        INDArray features = FIXTURE.tensor("features");
        INDArray rois = FIXTURE.tensor("rois");
        SameDiff sd = SameDiff.create();
        SameDiffGraphBuilder graph = new SameDiffGraphBuilder(sd, 0);
        TensorShape shape = TensorShape.of(features.shape()).with(0, TensorShape.UNKNOWN);
        Feature input = new Feature(sd.placeHolder("input", DataType.FLOAT, shape.dims()), shape);
        SDVariable roiPlaceholder = sd.placeHolder("rois", DataType.FLOAT, -1, 5);
        Map<String, Feature> outputs;
        try (NameScope ignored = graph.scope("roi_head")) {
            outputs = head.build(graph, input, new Feature(roiPlaceholder, TensorShape.of(TensorShape.UNKNOWN, 5)));
        }
        sd.getVariable("roi_head/bbox_head.fc_cls.weight")
                .setArray(FIXTURE.tensor("roi_head.bbox_head.fc_cls.weight").transpose().dup('c'));
        sd.getVariable("roi_head/bbox_head.fc_cls.bias").setArray(FIXTURE.tensor("roi_head.bbox_head.fc_cls.bias"));
        Map<String, INDArray> placeholders = new HashMap<>(Map.of("input", features, "rois", rois));
        placeholders.putAll(head.inputsFor(rois, features.size(0)));
        String name = outputs.get(AvaBBoxHead.CLS_SCORE).variable().name();
        return sd.output(placeholders, name).get(name);
    }

    @Test
    void scoresMatchMmaction2sRoiHead() {
        int classes = FIXTURE.config().get("numClasses").asInt();
        AvaBBoxHead head = new AvaBBoxHead(new AvaBBoxHeadConfig(classes, 8, 0.0625, 0, true, "avg", "max", 0, 0.01, 0, 1,
                AvaBBoxHeadConfig.ROI_ALIGN));
        INDArray scores = scores(head);

        INDArray expected = FIXTURE.tensor("cls_score");
        assertThat(scores.shape()).containsExactly(expected.shape());
        assertThat(scores.sub(expected).amaxNumber().doubleValue()).isLessThan(1e-5);

        List<NormalizedBox> boxes = List.of(new NormalizedBox(0, 0, 0.5f, 0.5f), new NormalizedBox(0, 0, 1, 1),
                new NormalizedBox(0.9f, 0.8f, 1, 1), new NormalizedBox(0.2f, 0.3f, 0.25f, 0.4f));
        List<ActorDetection> detections = head.decode(Map.of(AvaBBoxHead.CLS_SCORE, scores), boxes, 902.0);
        assertThat(detections).hasSize(4 * (classes - 1)).allSatisfy(detection -> {
            assertThat(detection.actionId()).isBetween(1, classes - 1);
            assertThat(detection.score()).isBetween(0f, 1f);
            assertThat(detection.timestampSeconds()).isEqualTo(902.0);
        });
        assertThat(detections.get(0).score()).isEqualTo((float) (1 / (1 + Math.exp(-scores.getDouble(0, 1)))));
    }
}
