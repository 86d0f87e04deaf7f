package io.action4j.spatiotemporal.head;

import io.action4j.api.detection.NormalizedBox;
import io.action4j.api.model.DetectionHead;
import io.action4j.api.model.Feature;
import io.action4j.api.model.GraphBuildException;
import io.action4j.api.model.GraphBuilder;
import io.action4j.api.model.RoiAlign;
import io.action4j.api.model.RoiPool;
import io.action4j.api.model.TensorShape;
import io.action4j.api.result.ActorDetection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * MMAction2's AVA RoI head, as its {@code roi_head} computes it: the clip's features (N x C x T x H x W)
 * pooled over time, RoIAlign per box ({@link RoiAlign}: R x C x S x S; or {@link RoiPool} with
 * {@code roiLayerType: RoIPool}), pooled over the box's cells, a
 * linear classifier ({@code bbox_head.fc_cls}, MMAction2's checkpoint key) to R x classes. Decoding
 * takes sigmoids (multi-label) and leaves out class 0, the background.
 */
final class AvaBBoxHead implements DetectionHead {

    /** R x classes, the classifier's logits. */
    static final String CLS_SCORE = "cls_score";
    /** The RoIAlign sampling matrix placeholder ({@link #inputsFor}). */
    static final String ROI_MATRIX = "roi_head_roi_align_matrix";
    /** RoIPool's placeholders: which cells each bin takes, its padding, its emptiness, the pooled shape. */
    static final String POOL_SELECTION = "roi_head_roi_pool_selection";
    static final String POOL_PADDING = "roi_head_roi_pool_padding";
    static final String POOL_NON_EMPTY = "roi_head_roi_pool_non_empty";
    static final String POOL_SHAPE = "roi_head_roi_pool_shape";

    private final AvaBBoxHeadConfig config;
    private long height;
    private long width;
    private long channels;

    AvaBBoxHead(AvaBBoxHeadConfig config) {
        this.config = config;
    }

    @Override
    public int numClasses() {
        return config.numClasses();
    }

    @Override
    public Map<String, Feature> build(GraphBuilder graph, Feature features, Feature rois) {
        TensorShape in = features.shape();
        if (in.rank() != 5) {
            throw new GraphBuildException(graph.qualified("bbox_head") + ": the AVA head reads N x C x T x H x W "
                    + "features, got " + in);
        }
        height = in.dim(3);
        width = in.dim(4);
        SameDiff sd = graph.sameDiff();
        long channels = in.dim(1);
        SDVariable clip = features.variable();
        SDVariable pooledTime = config.temporalPoolType().equals("avg") ? sd.mean(clip, 2) : sd.max(clip, 2);
        Feature frame = new Feature(pooledTime, TensorShape.of(in.dim(0), channels, height, width));
        this.channels = channels;
        int size = config.roiOutputSize();
        Feature regions = pooling() ? RoiPool.build(graph, "roi_pool", frame,
                sd.placeHolder(POOL_SELECTION, DataType.FLOAT, -1, -1), sd.placeHolder(POOL_PADDING, DataType.FLOAT, -1, 1),
                sd.placeHolder(POOL_NON_EMPTY, DataType.FLOAT, -1, 1), sd.placeHolder(POOL_SHAPE, DataType.INT64, 3),
                size, size)
                : RoiAlign.build(graph, "roi_align", frame, sd.placeHolder(ROI_MATRIX, DataType.FLOAT, -1, -1), size, size);
        SDVariable pooled = config.spatialPoolType().equals("max") ? sd.max(regions.variable(), 2, 3)
                : sd.mean(regions.variable(), 2, 3);
        Feature perBox = new Feature(pooled, TensorShape.of(TensorShape.UNKNOWN, channels));
        if (config.dropoutRatio() > 0) {
            perBox = graph.dropout("bbox_head.dropout", perBox, config.dropoutRatio());
        }
        Feature scores = graph.linear("bbox_head.fc_cls", perBox, config.numClasses(), config.initStd());
        return Map.of(CLS_SCORE, new Feature(sd.identity(graph.qualified(CLS_SCORE), scores.variable()),
                scores.shape()));
    }

    private boolean pooling() {
        return config.roiLayerType().equals(AvaBBoxHeadConfig.ROI_POOL);
    }

    @Override
    public Map<String, INDArray> inputsFor(INDArray rois, long batchSize) {
        if (pooling()) {
            RoiPool.Plan plan = RoiPool.plan(rois.castTo(DataType.FLOAT).dup('c').data().asFloat(), (int) batchSize,
                    (int) height, (int) width, config.roiOutputSize(), config.roiOutputSize(),
                    (float) config.spatialScale());
            long slots = (long) plan.bins() * plan.cellsPerBin();
            return Map.of(POOL_SELECTION, Nd4j.create(plan.selection(), new long[] {slots, plan.mapRows()}, 'c'),
                    POOL_PADDING, Nd4j.create(plan.padding(), new long[] {slots, 1}, 'c'),
                    POOL_NON_EMPTY, Nd4j.create(plan.nonEmpty(), new long[] {plan.bins(), 1}, 'c'),
                    POOL_SHAPE, Nd4j.createFromArray((long) plan.bins(), (long) plan.cellsPerBin(), channels));
        }
        RoiAlign.Plan plan = RoiAlign.plan(rois.castTo(DataType.FLOAT).dup('c').data().asFloat(), (int) batchSize,
                (int) height, (int) width, config.roiOutputSize(), config.roiOutputSize(), (float) config.spatialScale(),
                config.samplingRatio(), config.aligned());
        long bins = (long) plan.boxes() * config.roiOutputSize() * config.roiOutputSize();
        return Map.of(ROI_MATRIX, Nd4j.create(plan.matrix(), new long[] {bins, plan.mapRows()}, 'c'));
    }

    @Override
    public List<ActorDetection> decode(Map<String, INDArray> outputs, List<NormalizedBox> boxes, double timestampSeconds) {
        INDArray logits = outputs.get(CLS_SCORE);
        if (logits == null || logits.size(0) != boxes.size()) {
            throw new IllegalArgumentException("the AVA head decodes '" + CLS_SCORE + "' with one row per box; got "
                    + (logits == null ? "none" : logits.size(0) + " rows for " + boxes.size() + " boxes"));
        }
        List<ActorDetection> detections = new ArrayList<>();
        for (int r = 0; r < boxes.size(); r++) {
            for (int c = 1; c < config.numClasses(); c++) {
                float score = (float) (1 / (1 + Math.exp(-logits.getDouble(r, c))));
                detections.add(new ActorDetection("", timestampSeconds, boxes.get(r), c, score));
            }
        }
        return detections;
    }
}
