package io.action4j.localization.run;

import io.action4j.api.model.LocalizationHead;
import io.action4j.api.model.TensorShape;
import io.action4j.api.result.TemporalSegment;
import io.action4j.api.video.VideoDecoder;
import io.action4j.api.video.VideoException;
import io.action4j.api.video.VideoReader;
import io.action4j.engine.config.ExperimentConfig;
import io.action4j.engine.config.ModelConfig;
import io.action4j.engine.data.ClipPipeline;
import io.action4j.engine.model.ComposedModel;
import io.action4j.engine.model.ModelComposer;
import io.action4j.engine.stream.DecodeProgress;
import io.action4j.engine.stream.Snippets;
import io.action4j.localization.features.FeatureCache;
import io.action4j.localization.features.FeatureResampling;
import io.action4j.localization.features.FeatureSequence;
import io.action4j.localization.features.Rows;
import io.action4j.localization.features.SnippetFeatureExtractor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Consumer;
import java.util.function.Function;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Temporal action localization from a raw video in one streaming pass: the config's {@code windows}
 * (or, without them, its sampler's centred clips: MMAction2's {@code untrimmed_sample_frames}) cut the
 * video into snippets, the backbone turns each into a feature vector (the data pipeline
 * preparing its frames), the sequence is rescaled to the length the localization head reads, and
 * the head's outputs are decoded into segments with times in seconds. With a feature cache, a
 * video's features are computed once, and an interrupted run resumes from the snippets done.
 * Build once, call {@link #localize} for many videos; close it to free the models' native memory.
 * Not thread-safe.
 */
public final class Localizer implements AutoCloseable {

    private final ModelConfig model;
    private final Snippets snippets;
    private final Function<Path, VideoDecoder> decoders;
    private final Consumer<ComposedModel> headWeights;
    private final LocalizerOptions options;
    private final String setup;
    /** The number of steps the head reads, when it is fixed. */
    private final OptionalInt temporalLength;
    private final SnippetFeatureExtractor extractor;
    private ComposedModel head;
    private TensorShape headInput;
    private long headNanos;
    private long postNanos;

    /**
     * @param weights the checkpoints of the backbone and the head
     * @param setup what identifies the extraction in the feature cache besides the backbone's weights:
     *              the resolved config ({@code ConfigBinder.toJson})
     */
    public Localizer(ExperimentConfig config, Function<Path, VideoDecoder> decoders, LocalizerWeights weights,
                     LocalizerOptions options, String setup) {
        ModelConfig model = config.model();
        if (model == null || model.locHead() == null || model.backbone() == null) {
            throw new IllegalArgumentException("localizing raw videos needs a model with a backbone (the snippet "
                    + "features) and a locHead");
        }
        if (config.data() == null) {
            throw new IllegalArgumentException("localizing raw videos needs a 'data' section: how a snippet's frames "
                    + "become the backbone's input");
        }
        this.model = model;
        this.decoders = decoders;
        this.headWeights = weights.headLoader();
        this.options = options;
        this.setup = setup + "\n" + weights.backboneIdentity();
        this.temporalLength = model.locHead().create(LocalizationHead.class).temporalLength();
        ClipPipeline pipeline = ClipPipeline.build(config.data());
        this.snippets = Snippets.of(config.windows() == null ? null : config.windows().spec(), pipeline);
        this.extractor = new SnippetFeatureExtractor(model, pipeline, snippets,
                options.batchSize(), options.seed(), weights.backboneLoader());
    }

    /** A localizer from a config file, checkpoints and options; see {@link LocalizerBuilder}. */
    public static LocalizerBuilder builder() {
        return new LocalizerBuilder();
    }

    /** One video's segments, best first. */
    public LocalizationResult localize(Path video) throws VideoException, IOException {
        return localize(video, DecodeProgress.NONE);
    }

    /** {@link #localize(Path)}, reporting decoded frames to {@code progress}. */
    public LocalizationResult localize(Path video, DecodeProgress progress) throws VideoException, IOException {
        Features features = features(video, progress);
        headNanos = 0;
        postNanos = 0;
        List<TemporalSegment> segments = localize(features.sequence());
        LocalizationResult.StageTimes times = new LocalizationResult.StageTimes(
                features.extractSeconds() - features.backboneSeconds(), features.backboneSeconds(), headNanos / 1e9,
                postNanos / 1e9, features.frames());
        return new LocalizationResult(video.toString(), features.durationSeconds(), features.sequence().steps(),
                features.fromCache(), features.resumed(), segments, times);
    }

    /**
     * Segments from snippet features already computed (with their times): rescaled to the head's
     * length, run through the head, decoded over the span the snippets cover.
     */
    public List<TemporalSegment> localize(FeatureSequence features) {
        if (!features.hasTimes()) {
            throw new IllegalArgumentException("snippet features need their times to place segments in the video");
        }
        int steps = temporalLength.orElse(features.steps());
        FeatureSequence input = FeatureResampling.toLength(features, steps);
        ComposedModel graph = headFor(features.channels(), steps);
        LocalizationHead localizationHead = graph.localizationHead().orElseThrow();
        INDArray x = Nd4j.create(input.channelsFirst(), new long[] {1, input.channels(), input.steps()}, 'c');
        long started = System.nanoTime();
        Map<String, INDArray> outputs = graph.run(Map.of(ModelComposer.INPUT, x));
        long ran = System.nanoTime();
        headNanos += ran - started;
        double first = features.startSeconds()[0];
        double covered = features.endSeconds()[features.steps() - 1] - first;
        List<TemporalSegment> segments = new ArrayList<>();
        for (TemporalSegment segment : localizationHead.decode(outputs, covered)) {
            segments.add(new TemporalSegment(first + segment.startSeconds(), first + segment.endSeconds(),
                    segment.label(), segment.score()));
        }
        postNanos += System.nanoTime() - ran;
        return segments;
    }

    private record Features(FeatureSequence sequence, double durationSeconds, boolean fromCache, int resumed,
                            double extractSeconds, double backboneSeconds, long frames) {
    }

    private Features features(Path video, DecodeProgress progress) throws VideoException, IOException {
        FeatureCache.Entry entry = options.featureCache().isPresent()
                ? new FeatureCache(options.featureCache().get()).entry(video, setup) : null;
        if (entry != null) {
            var cached = entry.complete();
            if (cached.isPresent()) {
                FeatureSequence sequence = cached.get();
                return new Features(sequence, sequence.endSeconds()[sequence.steps() - 1], true, 0, 0, 0, 0);
            }
        }
        Rows rows = entry == null ? new Rows() : entry.partial();
        int resumed = rows.size();
        double duration;
        long started = System.nanoTime();
        double backboneBefore = extractor.backboneSeconds();
        long frames;
        try (VideoReader reader = decoders.apply(video).open(video);
             FeatureCache.RowAppender appender = entry == null ? null : entry.appender(rows)) {
            io.action4j.engine.stream.WindowRun run = extractor.extract(video, reader, resumed, (index, start, end, values) -> {
                rows.add(start, end, values);
                if (appender != null) {
                    try {
                        appender.append(index, start, end, values);
                    } catch (IOException e) {
                        throw new UncheckedIOException(entry.folder() + ": cannot append snippet features", e);
                    }
                }
            }, progress);
            frames = run.framesDecoded();
            int needed = snippets.minimumFrames(run.metadata().fps());
            if (options.refuseShortVideos() && frames < needed) {
                throw new VideoException(video, frames + " frames, fewer than one snippet needs (" + needed + " for "
                        + snippets.describe(run.metadata().fps()) + "); pad it instead with --short-video pad (the default)");
            }
            duration = reader.metadata().durationSeconds();
        }
        FeatureSequence sequence = rows.toSequence();
        if (entry != null) {
            entry.finish(sequence);
        }
        return new Features(sequence, duration, false, resumed, (System.nanoTime() - started) / 1e9,
                extractor.backboneSeconds() - backboneBefore, frames);
    }

    /** The head for features of this shape: built (and given its weights) once, rebuilt if the shape changes. */
    private ComposedModel headFor(int channels, int steps) {
        TensorShape shape = TensorShape.of(1, channels, steps);
        if (head == null || !headInput.equals(shape)) {
            if (head != null) {
                head.close();
                head = null;
            }
            ComposedModel built = ModelComposer.composeLocalizationHead(model, shape, options.seed());
            try {
                headWeights.accept(built);
            } catch (RuntimeException e) {
                built.close();
                throw e;
            }
            head = built;
            headInput = shape;
        }
        return head;
    }

    @Override
    public void close() {
        extractor.close();
        if (head != null) {
            head.close();
            head = null;
        }
    }
}
