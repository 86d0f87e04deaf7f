package io.action4j.engine.model;

import io.action4j.api.model.Backbone;
import io.action4j.api.model.DetectionHead;
import io.action4j.api.model.Feature;
import io.action4j.api.model.GraphBuildException;
import io.action4j.api.model.GraphBuilder.Layout;
import io.action4j.api.model.GraphBuilder;
import io.action4j.api.model.LocalizationHead;
import io.action4j.api.model.RecognitionHead;
import io.action4j.api.model.TensorShape;
import io.action4j.engine.config.ModelConfig;
import io.action4j.registry.config.ComponentSpec;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    /** The name scope of a detection head's variables. */
    public static final String ROI_HEAD = "roi_head";
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
        return compose(config, inputShape, seed, List.of(), false, Layout.CHANNELS_FIRST, Parts.ALL);
    }

    /** Which parts of a model a graph holds. */
    public enum Parts {
        /** The backbone and the heads, the heads reading the backbone's output. */
        ALL,
        /** The backbone alone (a feature extractor). */
        BACKBONE,
        /** The heads alone, reading precomputed features (a localizer's snippet sequence, N x C x T). */
        HEADS
    }

    /**
     * The model's backbone alone, as a feature extractor: no head is built and the model has no
     * outputs, only {@link ComposedModel#clipFeatures} (N x C, the backbone's output averaged over time
     * and space; a localizer's snippet features). Its parameters are named as in the whole model, so
     * the whole model's checkpoint loads into it (non-strictly: the heads' tensors are left over).
     *
     * @throws GraphBuildException when the config has no backbone
     */
    public static ComposedModel composeBackbone(ModelConfig config, TensorShape inputShape, long seed) {
        if (config.backbone() == null) {
            throw new GraphBuildException("the model has no backbone to extract features with");
        }
        return compose(config, inputShape, seed, List.of(), false, Layout.CHANNELS_FIRST, Parts.BACKBONE);
    }

    /**
     * The graph in training form: batch norms normalise with batch statistics (published as
     * {@link ComposedModel#batchStatistics()}) and dropout layers take mask placeholders
     * ({@link ComposedModel#dropoutMasks()}); see {@link SameDiffGraphBuilder#training}. Its parameter and
     * buffer names are those of {@link #compose}, so weights move between the two by name.
     */
    public static ComposedModel composeForTraining(ModelConfig config, TensorShape inputShape, long seed) {
        return composeForTraining(config, inputShape, seed, Parts.ALL);
    }

    /** {@link #composeForTraining(ModelConfig, TensorShape, long)} of some of the model's parts. */
    public static ComposedModel composeForTraining(ModelConfig config, TensorShape inputShape, long seed, Parts parts) {
        return compose(config, inputShape, seed, List.of(), true, Layout.CHANNELS_FIRST, parts);
    }

    /**
     * The same graph with the given conv3d + batch-norm pairs (recorded by an earlier build of
     * it) folded, in the given layout: see {@link ComposedModel#foldBatchNorm}, which fills the folded
     * arrays.
     */
    static ComposedModel compose(ModelConfig config, TensorShape inputShape, long seed, List<SameDiffGraphBuilder.ConvNorm> folded,
                                 boolean training, Layout layout, Parts parts) {
        SameDiff sameDiff = SameDiff.create();
        SameDiffGraphBuilder graph = new SameDiffGraphBuilder(sameDiff, seed).foldBatchNorms(folded).training(training)
                .layout(layout);
        ComposedModel.Recipe recipe = new ComposedModel.Recipe(config, inputShape, seed, graph, folded, parts);
        TensorShape open = inputShape.with(0, TensorShape.UNKNOWN);
        Feature input = new Feature(sameDiff.placeHolder(INPUT, DataType.FLOAT, open.dims()), open);
        Map<String, Feature> inputs = new LinkedHashMap<>();
        inputs.put(INPUT, input);
        Feature features = config.backbone() == null || parts == Parts.HEADS ? null
                : buildBackbone(graph, config.backbone(), input);
        boolean withHeads = parts != Parts.BACKBONE;
        Map<String, Feature> outputs = new LinkedHashMap<>();
        List<Object> heads = new ArrayList<>();
        if (parts == Parts.HEADS && (config.clsHead() != null || config.roiHead() != null)) {
            throw new GraphBuildException("only a localization head runs on precomputed features; this model also has "
                    + (config.clsHead() != null ? "a clsHead" : "a roiHead"));
        }
        if (withHeads && config.clsHead() != null) {
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
        if (withHeads && config.locHead() != null) {
            LocalizationHead head = create(config.locHead(), LocalizationHead.class);
            Feature sequence = features == null ? input : snippetSequence(graph, features);
            addOutputs(outputs, inScope(graph, "loc_head", config.locHead(), () -> head.build(graph, sequence)),
                    "loc_head");
            heads.add(head);
        }
        if (withHeads && config.roiHead() != null) {
            TensorShape roiShape = TensorShape.of(TensorShape.UNKNOWN, 5);
            Feature rois = new Feature(sameDiff.placeHolder(ROIS, DataType.FLOAT, roiShape.dims()), roiShape);
            inputs.put(ROIS, rois);
            DetectionHead head = create(config.roiHead(), DetectionHead.class);
            addOutputs(outputs, inScope(graph, ROI_HEAD, config.roiHead(), () -> head.build(graph, features, rois)),
                    ROI_HEAD);
            heads.add(head);
        }
        Feature clipFeatures = features == null ? null : clipFeatures(graph, features);
        Set<ModelConfig.Task> tasks = parts == Parts.ALL ? config.tasks()
                : parts == Parts.HEADS ? EnumSet.of(ModelConfig.Task.LOCALIZATION) : EnumSet.noneOf(ModelConfig.Task.class);
        return new ComposedModel(sameDiff, tasks, inputs,
                outputs, clipFeatures, heads, recipe);
    }

    /**
     * The model's localization head alone, on precomputed snippet features ({@code featureShape}, N x
     * C x T, as {@link #INPUT}): the second half of a localizer whose backbone ran snippet by snippet
     * ({@link #composeBackbone}). Parameters are named as in the whole model.
     *
     * @throws GraphBuildException when the model has no localization head, or has other heads
     */
    public static ComposedModel composeLocalizationHead(ModelConfig config, TensorShape featureShape, long seed) {
        if (config.locHead() == null) {
            throw new GraphBuildException("the model has no localization head (locHead)");
        }
        return compose(config, featureShape, seed, List.of(), false, Layout.CHANNELS_FIRST, Parts.HEADS);
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

    /**
     * The backbone's output averaged over every axis after the channels ({@code neck/clip_features},
     * N x C): not a model output, computed only when asked for ({@link ComposedModel#clipFeatures}).
     */
    private static Feature clipFeatures(GraphBuilder graph, Feature features) {
        TensorShape shape = features.shape();
        int[] axes = new int[shape.rank() - 2];
        for (int i = 0; i < axes.length; i++) {
            axes[i] = i + 2;
        }
        SDVariable variable = axes.length == 0 ? features.variable()
                : graph.sameDiff().mean("neck/clip_features", features.variable(), axes);
        return new Feature(variable, TensorShape.of(shape.dim(0), shape.dim(1)));
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
