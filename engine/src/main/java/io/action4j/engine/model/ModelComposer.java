package io.action4j.engine.model;

import io.action4j.api.model.Backbone;
import io.action4j.api.model.DetectionHead;
import io.action4j.api.model.Feature;
import io.action4j.api.model.GraphBuildException;
import io.action4j.api.model.GraphBuilder.ConvNorm;
import io.action4j.api.model.GraphBuilder.Layout;
import io.action4j.api.model.GraphBuilder;
import io.action4j.api.model.LocalizationHead;
import io.action4j.api.model.RecognitionHead;
import io.action4j.api.model.TensorShape;
import io.action4j.engine.config.ModelConfig;
import io.action4j.registry.config.ComponentSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.nd4j.autodiff.samediff.NameScope;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Builds a {@link ModelConfig} into one SameDiff graph: backbone then head, each inside its own
 * name scope ({@code backbone/...}, {@code cls_head/...}, {@code loc_head/...}, {@code roi_head/...},
 * as MMAction2 names its modules). The batch size stays open; the other input sizes are fixed by
 * {@code inputShape} because the layers' output shapes depend on them.
 */
public final class ModelComposer {

    /** The clip tensor (NCTHW) or, for localization, the snippet features (N x C x T). */
    public static final String INPUT = "input";
    /** Detection only: boxes as R x 5 (batch index, x1, y1, x2, y2 in input pixels). */
    public static final String ROIS = "rois";
    /** Recognition output: class logits, N x classes. */
    public static final String CLS_SCORE = "cls_score";

    private ModelComposer() {
    }

    /**
     * @param inputShape NCTHW for recognition and detection, N x C x T for localization; the batch
     *                   size may be unknown
     * @param seed seeds the initial parameter values
     * @throws GraphBuildException when a layer does not fit its input, naming the layer
     */
    public static ComposedModel compose(ModelConfig config, TensorShape inputShape, long seed) {
        return compose(config, inputShape, seed, List.of(), false, Layout.CHANNELS_FIRST);
    }

    /**
     * The graph in training form: batch norms normalise with batch statistics (published as
     * {@link ComposedModel#batchStatistics()}) and dropout layers take mask placeholders
     * ({@link ComposedModel#dropoutMasks()}); see {@link GraphBuilder#training}. Its parameter and
     * buffer names are those of {@link #compose}, so weights move between the two by name.
     */
    public static ComposedModel composeForTraining(ModelConfig config, TensorShape inputShape, long seed) {
        return compose(config, inputShape, seed, List.of(), true, Layout.CHANNELS_FIRST);
    }

    /**
     * The same graph with the given conv3d + batch-norm pairs (recorded by an earlier build of
     * it) folded, in the given layout: see {@link ComposedModel#foldBatchNorm}, which fills the folded
     * arrays.
     */
    static ComposedModel compose(ModelConfig config, TensorShape inputShape, long seed, List<ConvNorm> folded,
                                 boolean training, Layout layout) {
        SameDiff sameDiff = SameDiff.create();
        GraphBuilder graph = new GraphBuilder(sameDiff, seed).foldBatchNorms(folded).training(training).layout(layout);
        ComposedModel.Recipe recipe = new ComposedModel.Recipe(config, inputShape, seed, graph, folded);
        TensorShape open = inputShape.with(0, TensorShape.UNKNOWN);
        Feature input = new Feature(sameDiff.placeHolder(INPUT, DataType.FLOAT, open.dims()), open);
        Map<String, Feature> inputs = new LinkedHashMap<>();
        inputs.put(INPUT, input);
        Feature features = config.backbone() == null ? null : buildBackbone(graph, config.backbone(), input);
        Map<String, Feature> outputs = new LinkedHashMap<>();
        List<Object> heads = new ArrayList<>();
        if (config.clsHead() != null) {
            RecognitionHead head = create(config.clsHead(), RecognitionHead.class);
            Feature logits = inScope(graph, "cls_head", config.clsHead(), () -> head.build(graph, features));
            TensorShape expected = TensorShape.of(TensorShape.UNKNOWN, head.numClasses());
            if (!logits.shape().equals(expected)) {
                throw new GraphBuildException("cls_head '" + config.clsHead().type() + "' declares output "
                        + logits.shape() + ", expected " + expected);
            }
            addOutputs(outputs, Map.of(CLS_SCORE, logits), "cls_head");
            heads.add(head);
        }
        if (config.locHead() != null) {
            LocalizationHead head = create(config.locHead(), LocalizationHead.class);
            Feature sequence = features == null ? input : snippetSequence(graph, features);
            addOutputs(outputs, inScope(graph, "loc_head", config.locHead(), () -> head.build(graph, sequence)),
                    "loc_head");
            heads.add(head);
        }
        if (config.roiHead() != null) {
            TensorShape roiShape = TensorShape.of(TensorShape.UNKNOWN, 5);
            Feature rois = new Feature(sameDiff.placeHolder(ROIS, DataType.FLOAT, roiShape.dims()), roiShape);
            inputs.put(ROIS, rois);
            DetectionHead head = create(config.roiHead(), DetectionHead.class);
            addOutputs(outputs, inScope(graph, "roi_head", config.roiHead(), () -> head.build(graph, features, rois)),
                    "roi_head");
            heads.add(head);
        }
        return new ComposedModel(sameDiff, config.tasks(), inputs, outputs, heads, recipe);
    }

    /**
     * A backbone's features (N x C x T x H x W) as the snippet sequence a localization head reads
     * (N x C x T): averaged over height and width ({@code neck/spatial_mean}).
     */
    private static Feature snippetSequence(GraphBuilder graph, Feature features) {
        TensorShape shape = features.shape();
        if (shape.rank() != 5) {
            throw new GraphBuildException("a localization head after a backbone needs N x C x T x H x W features, "
                    + "the backbone gives " + shape);
        }
        SDVariable mean = graph.sameDiff().mean("neck/spatial_mean", features.variable(), 3, 4);
        return new Feature(mean, TensorShape.of(shape.dim(0), shape.dim(1), shape.dim(2)));
    }

    /** The head's outputs under their names; two heads may not both name one. */
    private static void addOutputs(Map<String, Feature> outputs, Map<String, Feature> headOutputs, String scope) {
        headOutputs.forEach((name, feature) -> {
            if (outputs.putIfAbsent(name, feature) != null) {
                throw new GraphBuildException(scope + " names an output '" + name + "' that another head already has;"
                        + " a model's heads need distinct output names");
            }
        });
    }

    private static Feature buildBackbone(GraphBuilder graph, ComponentSpec spec, Feature input) {
        Backbone backbone = create(spec, Backbone.class);
        return inScope(graph, "backbone", spec, () -> backbone.build(graph, input));
    }

    private static <T> T create(ComponentSpec spec, Class<T> type) {
        try {
            return spec.create(type);
        } catch (RuntimeException e) {
            throw new GraphBuildException(spec.kind().label() + " '" + spec.type() + "' (" + spec.component().origin()
                    + ") could not be created: " + e.getMessage());
        }
    }

    private static <T> T inScope(GraphBuilder graph, String scope, ComponentSpec spec, Supplier<T> build) {
        try (NameScope ignored = graph.scope(scope)) {
            return build.get();
        } catch (GraphBuildException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new GraphBuildException(scope + " '" + spec.type() + "' (" + spec.component().origin()
                    + ") failed to build: " + e);
        }
    }
}
