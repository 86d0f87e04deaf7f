package io.action4j.engine.recognition;

import io.action4j.api.model.TensorShape;
import io.action4j.api.result.ClipScores;
import io.action4j.api.result.ViewAveraging;
import io.action4j.api.transform.FormattedClip;
import io.action4j.api.video.VideoDecoder;
import io.action4j.api.video.VideoException;
import io.action4j.api.video.VideoMetadata;
import io.action4j.api.video.VideoReader;
import io.action4j.engine.config.ExperimentConfig;
import io.action4j.engine.config.ModelConfig;
import io.action4j.engine.data.ClipPipeline;
import io.action4j.engine.model.ComposedModel;
import io.action4j.engine.model.ModelComposer;
import io.action4j.engine.stream.DecodeProgress;
import io.action4j.engine.stream.WindowRun;
import io.action4j.engine.stream.WindowSpec;
import io.action4j.engine.stream.WindowedClips;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Recognises the action in whole videos: the config's data pipeline (sampling, decoding only the
 * sampled frames, transforms) gives a video's views (clips x crops), the model scores them at most
 * {@code maxViewsPerPass} at a time, and the views are averaged as MMAction2's {@code average_clips}.
 * {@link #recognizeWindows} does the same for each window of a video of any length, streaming it.
 * Batch norms are folded into their convolutions after the weights are loaded. Build once, call
 * {@link #recognize} or {@link #recognizeWindows} for many videos; close it to free the model's
 * native memory.
 * Not thread-safe.
 */
public final class Recognizer implements AutoCloseable {

    private final ModelConfig model;
    private final ClipPipeline pipeline;
    private final Function<Path, VideoDecoder> decoders;
    private final Consumer<ComposedModel> weights;
    private final RecognitionOptions options;
    private final int numClasses;
    private ComposedModel composed;
    private TensorShape viewShape;

    /**
     * @param decoders the reader for a path (the config's own, or one chosen by the path)
     * @param weights loads weights into the model once it is built (a checkpoint); may do nothing
     */
    public Recognizer(ExperimentConfig config, Function<Path, VideoDecoder> decoders, Consumer<ComposedModel> weights,
                      RecognitionOptions options) {
        if (config.model() == null) {
            throw new IllegalArgumentException("recognition needs a 'model' section");
        }
        if (config.data() == null) {
            throw new IllegalArgumentException("recognition needs a 'data' section (sampler, transforms, format)");
        }
        this.numClasses = config.model().recognitionClasses("recognition");
        this.model = config.model();
        this.pipeline = ClipPipeline.build(config.data());
        this.decoders = decoders;
        this.weights = weights;
        this.options = options;
    }

    /** A recognizer from a config file, a checkpoint and options; see {@link RecognizerBuilder}. */
    public static RecognizerBuilder builder() {
        return new RecognizerBuilder();
    }

    /** The number of classes the model scores: a label list must have as many lines. */
    public int numClasses() {
        return numClasses;
    }

    /** One video's averaged class scores (probabilities with {@code prob}). */
    public ClipScores recognize(Path video) throws VideoException {
        FormattedClip views;
        VideoMetadata metadata;
        try (VideoReader reader = decoders.apply(video).open(video)) {
            metadata = reader.metadata();
            views = pipeline.run(reader, new SplittableRandom(options.seed())).tensor();
        }
        return new ClipScores(video.toString(), 0, metadata.durationSeconds(), scoreAndAverage(video, views));
    }

    /**
     * The class scores of a span of a video already open, its frames {@code [startFrame, endFrame)}
     * sampled and transformed as a whole video of that length would be (e.g. a temporal proposal, to
     * label it). Reads only the sampled frames, by random access.
     */
    public ClipScores recognize(Path video, VideoReader reader, int startFrame, int endFrame) throws VideoException {
        VideoMetadata metadata = reader.metadata();
        if (startFrame < 0 || endFrame <= startFrame) {
            throw new IllegalArgumentException(video + ": frames [" + startFrame + ", " + endFrame + ") are no span");
        }
        SplittableRandom random = new SplittableRandom(options.seed());
        var selection = pipeline.sample(new io.action4j.api.sampling.SamplingRequest(endFrame - startFrame,
                metadata.fps(), metadata.startIndex() + startFrame, java.util.OptionalInt.empty()), random);
        FormattedClip views = pipeline.transform(selection, reader.read(selection.indices()), random);
        return new ClipScores(video.toString(), startFrame / metadata.fps(), endFrame / metadata.fps(),
                scoreAndAverage(video, views));
    }

    /** {@link #recognizeWindows(Path, WindowSpec, Consumer, DecodeProgress)} without progress reports. */
    public WindowRun recognizeWindows(Path video, WindowSpec windows, Consumer<WindowScores> sink)
            throws VideoException {
        return recognizeWindows(video, windows, sink, DecodeProgress.NONE);
    }

    /**
     * Scores windows over a video of any length (see {@link io.action4j.engine.stream.WindowPlan} for where they fall): the
     * video is decoded once, in order, keeping only the frames windows still need; inside a window
     * the config's sampler, transforms and view averaging work as for a whole video of the window's
     * length. Each window goes to {@code sink} as soon as its last frame has been decoded, in time order.
     * The stream's end, not the metadata's frame count, decides the last window (whose frames are read
     * again by random access if the stream ended elsewhere than announced); a file that stops before
     * its container says ({@link io.action4j.api.video.TruncatedVideoException}) ends the stream there, and the returned run
     * says how many frames were decoded.
     */
    public WindowRun recognizeWindows(Path video, WindowSpec windows, Consumer<WindowScores> sink,
                                      DecodeProgress progress) throws VideoException {
        try (VideoReader reader = decoders.apply(video).open(video)) {
            return WindowedClips.stream(video, reader, pipeline, windows, options.seed(),
                    window -> sink.accept(scoreWindow(video, window)), progress);
        }
    }

    private WindowScores scoreWindow(Path video, WindowedClips.Window window) {
        ClipScores scores = new ClipScores(video.toString(), window.startSeconds(), window.endSeconds(),
                scoreAndAverage(video, window.views()));
        return new WindowScores(window.index(), window.span().start(), window.span().end(), scores);
    }

    /** The views' class scores, averaged as MMAction2's {@code average_clips}. */
    private float[] scoreAndAverage(Path video, FormattedClip views) {
        int[] shape = views.shape();
        if (shape.length != 5) {
            throw new IllegalArgumentException(video + ": the pipeline made a " + shape.length + "-d tensor "
                    + Arrays.toString(shape) + "; recognition models take NCTHW views (format inputFormat: NCTHW)");
        }
        return ViewAveraging.average(scoreViews(views), options.averageClips());
    }

    /**
     * Runs a pipeline's views (N x C x T x H x W) through the model, at most {@code maxViewsPerPass}
     * at a time, unaveraged: one row of class scores per view.
     */
    public float[][] scoreViews(FormattedClip views) {
        int[] shape = views.shape();
        int count = shape[0];
        int perView = views.values().length / count;
        TensorShape oneView = TensorShape.of(1, shape[1], shape[2], shape[3], shape[4]);
        ComposedModel graph = modelFor(oneView);
        float[][] scores = new float[count][];
        for (int first = 0; first < count; first += options.maxViewsPerPass()) {
            int chunk = Math.min(options.maxViewsPerPass(), count - first);
            float[] values = Arrays.copyOfRange(views.values(), first * perView, (first + chunk) * perView);
            INDArray input = Nd4j.create(values, new long[] {chunk, shape[1], shape[2], shape[3], shape[4]}, 'c');
            INDArray logits = graph.run(Map.of(ModelComposer.INPUT, input)).get(ModelComposer.CLS_SCORE);
            for (int i = 0; i < chunk; i++) {
                scores[first + i] = logits.getRow(i).dup().toFloatVector();
            }
        }
        return scores;
    }

    /** The model for views of this shape: built (and given its weights) once, rebuilt only if the shape changes. */
    private ComposedModel modelFor(TensorShape oneView) {
        if (composed == null || !oneView.equals(viewShape)) {
            if (composed != null) {
                composed.close();
            }
            ComposedModel built = ModelComposer.compose(model, oneView, options.seed());
            try {
                weights.accept(built);
                // Inference only: batch norms fold into their convolutions once the weights are in.
                composed = built.foldBatchNorm();
            } finally {
                built.close();
            }
            viewShape = oneView;
        }
        return composed;
    }

    @Override
    public void close() {
        if (composed != null) {
            composed.close();
            composed = null;
        }
    }
}
