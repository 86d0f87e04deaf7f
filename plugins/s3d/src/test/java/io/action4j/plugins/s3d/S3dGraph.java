package io.action4j.plugins.s3d;

import io.action4j.api.model.Feature;
import io.action4j.api.model.GraphBuilder;
import io.action4j.api.model.TensorShape;
import io.action4j.testing.ComponentGraph;
import org.nd4j.autodiff.samediff.NameScope;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * The backbone and the head in one graph, as the model composer builds them: {@link ComponentGraph}
 * builds a component alone, and the tests of the two together (torchvision's parameter count, the
 * full-size parity) need the head on the backbone's features.
 */
final class S3dGraph {

    private S3dGraph() {
    }

    /**
     * The backbone on clips of {@code clip} (its batch size is opened), then the head on its features:
     * the head's graph, whose input is the clip and whose output is the logits.
     */
    static ComponentGraph model(S3dConfig backbone, S3dHeadConfig head, TensorShape clip) {
        GraphBuilder graph = new GraphBuilder(SameDiff.create(), 0);
        Feature features = ComponentGraph.build("backbone", graph, clip,
                new S3dBackboneFactory().create(backbone)::build).output();
        Feature logits;
        try (NameScope scope = graph.scope("cls_head")) {
            logits = new S3dHeadFactory().create(head).build(graph, features);
        }
        return new ComponentGraph(graph.sameDiff(), "cls_head", logits);
    }
}
