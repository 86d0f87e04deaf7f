package io.action4j.localization.features;

import io.action4j.api.model.TensorShape;
import io.action4j.api.transform.FormattedClip;
import io.action4j.api.video.VideoException;
import io.action4j.api.video.VideoReader;
import io.action4j.engine.config.ModelConfig;
import io.action4j.engine.data.ClipPipeline;
import io.action4j.engine.model.ComposedModel;
import io.action4j.engine.model.ModelComposer;
import io.action4j.engine.stream.DecodeProgress;
import io.action4j.engine.stream.WindowRun;
import io.action4j.engine.stream.Snippets;
import io.action4j.engine.stream.WindowedClips;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A video's snippet features in one streaming pass: the engine cuts the video into snippets (windows,
 * or the sampler's centred clips as MMAction2's {@code UntrimmedSampleFrames} places them), the data
 * pipeline turns each into views, the model's backbone alone runs on them in
 * batches and its output, averaged over time, space and views, is the snippet's feature vector. Frames
 * held at once are bounded by the snippet length; the features (one row of C floats per snippet) are
 * what grows with the video. Build once, use for many videos; not thread-safe.
 */
public final class SnippetFeatureExtractor implements AutoCloseable {

    /** Receives each snippet's features as soon as they are computed, in time order. */
    @FunctionalInterface
    public interface RowSink {
        void accept(int index, double startSeconds, double endSeconds, float[] features);
    }

    private final ModelConfig model;
    private final ClipPipeline pipeline;
    private final Snippets snippets;
    private final int batchSize;
    private final long seed;
    private final Consumer<ComposedModel> weights;
    private ComposedModel backbone;
    private TensorShape viewShape;
    /** Time spent in the backbone since this extractor was built. */
    private long backboneNanos;

    /**
     * @param snippets windows of a length and stride, or the sampler's centred clips
     * @param batchSize views run through the backbone at once
     * @param weights loads the backbone's weights once it is built (non-strictly: a whole model's checkpoint)
     */
    public SnippetFeatureExtractor(ModelConfig model, ClipPipeline pipeline, Snippets snippets, int batchSize,
                                   long seed, Consumer<ComposedModel> weights) {
        if (model.backbone() == null) {
            throw new IllegalArgumentException("snippet features need a model with a backbone");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
        }
        this.model = model;
        this.pipeline = pipeline;
        this.snippets = snippets;
        this.batchSize = batchSize;
        this.seed = seed;
        this.weights = weights;
    }

    /**
     * Streams {@code reader}'s video; each snippet's features go to {@code sink} in order. Snippets
     * below {@code skip} are decoded past but not computed (a resumed extraction has them already).
     */
    public WindowRun extract(Path video, VideoReader reader, int skip, RowSink sink, DecodeProgress progress)
            throws VideoException {
        Batch batch = new Batch(sink);
        WindowRun run = WindowedClips.stream(video, reader, pipeline, snippets, seed, window -> {
            if (window.index() >= skip) {
                batch.add(video, window);
            }
        }, progress);
        batch.flush();
        return run;
    }

    /** A whole video's snippet features with their times, in one pass. */
    public FeatureSequence features(Path video, VideoReader reader) throws VideoException {
        Rows rows = new Rows();
        extract(video, reader, 0, (index, start, end, values) -> rows.add(start, end, values), DecodeProgress.NONE);
        return rows.toSequence();
    }

    /** Whole snippets gathered until {@code batchSize} views are waiting, then run together. */
    private final class Batch {
        private final RowSink sink;
        private final List<WindowedClips.Window> waiting = new ArrayList<>();
        private int views;

        Batch(RowSink sink) {
            this.sink = sink;
        }

        void add(Path video, WindowedClips.Window window) {
            int[] shape = window.views().shape();
            if (shape.length != 5) {
                throw new IllegalArgumentException(video + ": the pipeline made a " + shape.length + "-d tensor "
                        + Arrays.toString(shape) + "; snippet features need NCTHW views (format inputFormat: NCTHW)");
            }
            waiting.add(window);
            views += shape[0];
            if (views >= batchSize) {
                flush();
            }
        }

        void flush() {
            if (waiting.isEmpty()) {
                return;
            }
            int[] first = waiting.get(0).views().shape();
            int perView = first[1] * first[2] * first[3] * first[4];
            float[] values = new float[views * perView];
            int offset = 0;
            for (WindowedClips.Window window : waiting) {
                FormattedClip clip = window.views();
                if (!Arrays.equals(Arrays.copyOfRange(clip.shape(), 1, 5), Arrays.copyOfRange(first, 1, 5))) {
                    throw new IllegalStateException("snippet " + window.index() + " has views of shape "
                            + Arrays.toString(clip.shape()) + ", the others " + Arrays.toString(first)
                            + "; the pipeline must give every snippet the same size");
                }
                System.arraycopy(clip.values(), 0, values, offset, clip.values().length);
                offset += clip.values().length;
            }
            INDArray input = Nd4j.create(values, new long[] {views, first[1], first[2], first[3], first[4]}, 'c');
            ComposedModel model = backboneFor(TensorShape.of(1, first[1], first[2], first[3], first[4]));
            long started = System.nanoTime();
            INDArray features = model.clipFeatures(Map.of(ModelComposer.INPUT, input));
            backboneNanos += System.nanoTime() - started;
            int row = 0;
            for (WindowedClips.Window window : waiting) {
                int count = window.views().shape()[0];
                float[] mean = new float[(int) features.size(1)];
                for (int v = 0; v < count; v++) {
                    float[] one = features.getRow(row + v).toFloatVector();
                    for (int c = 0; c < mean.length; c++) {
                        mean[c] += one[c] / count;
                    }
                }
                row += count;
                sink.accept(window.index(), window.startSeconds(), window.endSeconds(), mean);
            }
            waiting.clear();
            views = 0;
        }
    }

    /** The backbone for views of this shape: built (and given its weights) once, rebuilt only if the shape changes. */
    private ComposedModel backboneFor(TensorShape oneView) {
        if (backbone == null || !oneView.equals(viewShape)) {
            close();
            ComposedModel built = ModelComposer.composeBackbone(model, oneView, seed);
            try {
                weights.accept(built);
                backbone = built.foldBatchNorm();
            } finally {
                built.close();
            }
            viewShape = oneView;
        }
        return backbone;
    }

    /** How the video is cut into snippets. */
    public Snippets snippets() {
        return snippets;
    }

    /** Seconds the backbone has run since this extractor was built (the rest of an extraction is decoding and transforms). */
    public double backboneSeconds() {
        return backboneNanos / 1e9;
    }

    @Override
    public void close() {
        if (backbone != null) {
            backbone.close();
            backbone = null;
        }
    }
}
