package io.action4j.spatiotemporal.run;

import io.action4j.api.detection.Keyframe;
import io.action4j.api.detection.PersonBox;
import io.action4j.api.detection.PersonBoxSource;
import io.action4j.api.model.DetectionHead;
import io.action4j.api.model.TensorShape;
import io.action4j.api.result.ActorDetection;
import io.action4j.api.transform.Box;
import io.action4j.api.transform.FormattedClip;
import io.action4j.api.video.VideoDecoder;
import io.action4j.api.video.VideoException;
import io.action4j.api.video.VideoFrame;
import io.action4j.api.video.VideoMetadata;
import io.action4j.api.video.VideoReader;
import io.action4j.engine.config.ExperimentConfig;
import io.action4j.engine.config.KeyframesConfig;
import io.action4j.engine.config.ModelConfig;
import io.action4j.engine.data.ClipPipeline;
import io.action4j.engine.data.DecodedStream;
import io.action4j.engine.data.VideoNames;
import io.action4j.engine.model.ComposedModel;
import io.action4j.engine.model.ModelComposer;
import io.action4j.engine.stream.DecodeProgress;
import io.action4j.engine.stream.StagedPipeline;
import io.action4j.spatiotemporal.track.ActionSegmenter;
import io.action4j.spatiotemporal.track.ActorTracker;
import io.action4j.spatiotemporal.track.PersonSegment;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Spatio-temporal action detection over a whole video in one streaming pass: who does what, where and
 * when. Five stages run side by side, joined by bounded queues ({@link StagedPipeline}):
 * <ol>
 *   <li>decode: frames in order; the keyframes ({@code keyframes} in the config) with the frames of the
 *       clip centred on each (its sampler, e.g. {@code sample_ava_frames});</li>
 *   <li>boxes: the people on each keyframe, from the {@link PersonBoxSource};</li>
 *   <li>clips: the data pipeline's transforms, which move the boxes with the pixels;</li>
 *   <li>model: the backbone and the RoI head on batches of keyframes, multi-label action scores per person;</li>
 *   <li>tracks: people linked over keyframes ({@link ActorTracker}) and their actions turned into
 *       segments ({@link ActionSegmenter}), handed to a {@link DetectionListener}.</li>
 * </ol>
 * A slow stage holds the others back instead of letting frames pile up, so memory stays flat however
 * long the video. Build once, call {@link #detect} for many videos (one at a time); close it to free
 * the model's native memory and the box source's.
 */
public final class Detector implements AutoCloseable {

    private final ModelConfig model;
    private final ClipPipeline pipeline;
    private final KeyframesConfig keyframes;
    private final Function<Path, VideoDecoder> decoders;
    private final Consumer<ComposedModel> weights;
    private final PersonBoxSource boxes;
    private final DetectorOptions options;
    private final ActionLabels labels;
    private ComposedModel graph;
    private TensorShape graphInput;

    /**
     * @param weights loads the model's weights once it is built (for each input size)
     * @param boxes where the people on each keyframe come from; closed with the detector
     * @throws IllegalArgumentException when the config has no backbone with a roiHead or no data pipeline
     */
    public Detector(ExperimentConfig config, Function<Path, VideoDecoder> decoders, Consumer<ComposedModel> weights,
                    PersonBoxSource boxes, DetectorOptions options, ActionLabels labels) {
        ModelConfig model = config.model();
        if (model == null || model.backbone() == null || model.roiHead() == null) {
            throw new IllegalArgumentException("detecting actions needs a model with a backbone and a roiHead");
        }
        if (config.data() == null) {
            throw new IllegalArgumentException("detecting actions needs a 'data' section: how the clip around a "
                    + "keyframe is sampled (e.g. sample_ava_frames) and becomes the model's input");
        }
        this.model = model;
        this.pipeline = ClipPipeline.build(config.data());
        this.keyframes = config.keyframes() == null ? KeyframesConfig.AVA : config.keyframes();
        this.decoders = decoders;
        this.weights = weights;
        this.boxes = boxes;
        this.options = options;
        this.labels = labels;
    }

    /** A detector from a config file, a checkpoint, a box source and options; see {@link DetectorBuilder}. */
    public static DetectorBuilder builder() {
        return new DetectorBuilder();
    }

    public DetectionResult detect(Path video) throws IOException {
        return detect(video, DetectionListener.NONE, DecodeProgress.NONE);
    }

    /**
     * Detects the people on every keyframe of {@code video} and what they do, handing each keyframe and
     * segment to {@code listener} as it is made.
     *
     * @throws VideoException naming the file when it cannot be decoded or has no frame
     * @throws IOException when the listener fails to write
     */
    public DetectionResult detect(Path video, DetectionListener listener, DecodeProgress progress)
            throws IOException {
        String videoId = videoId(video);
        try (VideoReader reader = decoders.apply(video).open(video)) {
            VideoMetadata metadata = reader.metadata();
            KeyframeStream stream = new KeyframeStream(keyframes, pipeline::sample, metadata.fps(),
                    metadata.startIndex(), options.seed());
            Tracking tracking = new Tracking(videoId, metadata.durationSeconds(), listener);
            StagedPipeline.PipelineReport report = StagedPipeline.<KeyframeStream.ReadyKeyframe>from("decode", out -> {
                Iterator<VideoFrame> frames = reader.stream(metadata.startIndex());
                VideoFrame frame;
                while ((frame = DecodedStream.nextBeforeCut(frames)) != null) {
                    stream.accept(frame).forEach(out);
                    progress.framesDecoded(stream.framesArrived(), metadata.frameCount());
                }
                if (stream.framesArrived() == 0) {
                    throw new VideoException(video, "no frame decoded, so no keyframe");
                }
                stream.finish().forEach(out);
            }).then("boxes", options.queueCapacity(), (KeyframeStream.ReadyKeyframe keyframe, Consumer<Boxed> out) ->
                    out.accept(new Boxed(keyframe, boxes.boxes(new Keyframe(videoId, keyframe.seconds(),
                            keyframe.keyframe())))))
                    .then("clips", options.queueCapacity(), this::prepare)
                    .then("model", options.queueCapacity(), new Batches())
                    .to("tracks", options.queueCapacity(), tracking::accept)
                    .run();
            List<PersonSegment> segments = tracking.finish();
            return new DetectionResult(video.toString(), videoId, metadata.durationSeconds(), stream.framesArrived(),
                    stream.maxFramesHeld(), tracking.keyframes, tracking.people, tracking.tracks, segments, report);
        }
    }

    /** The id AVA files give a video: its file name without the extension. */
    public static String videoId(Path video) {
        return VideoNames.stem(video);
    }

    /** A keyframe and the people on it. */
    private record Boxed(KeyframeStream.ReadyKeyframe keyframe, List<PersonBox> people) {
    }

    /** A keyframe's clip, formatted, with its boxes moved into the clip's pixels. */
    private record Prepared(int index, double seconds, List<PersonBox> people, FormattedClip clip) {
    }

    /** A keyframe's people with every action's score, best first. */
    private record Scored(int index, double seconds, List<PersonBox> people, List<List<ActionScore>> actions) {
    }

    private void prepare(Boxed boxed, Consumer<Prepared> out) {
        KeyframeStream.ReadyKeyframe keyframe = boxed.keyframe();
        if (boxed.people().isEmpty()) {
            out.accept(new Prepared(keyframe.index(), keyframe.seconds(), List.of(), null));
            return;
        }
        VideoFrame frame = keyframe.keyframe();
        List<Box> pixels = boxed.people().stream().map(p -> p.box().toPixels(frame.width(), frame.height())).toList();
        FormattedClip clip = pipeline.transform(keyframe.selection(), keyframe.frames(), keyframe.random(), pixels);
        int[] shape = clip.shape();
        if (shape.length != 5 || shape[0] != 1) {
            throw new IllegalArgumentException("the data pipeline made a clip of shape " + Arrays.toString(shape)
                    + "; detection needs one N x C x T x H x W view per keyframe (format inputFormat: NCTHW, "
                    + "one clip, no multi-crop)");
        }
        if (clip.boxes().size() != pixels.size()) {
            throw new IllegalStateException("the data pipeline turned " + pixels.size() + " boxes into "
                    + clip.boxes().size() + "; its transforms must keep every box");
        }
        out.accept(new Prepared(keyframe.index(), keyframe.seconds(), boxed.people(), clip));
    }

    /** Keyframes gathered until {@code batchSize} of them have people, then run through the model together. */
    private final class Batches implements StagedPipeline.Step<Prepared, Scored> {
        private final List<Prepared> waiting = new ArrayList<>();
        private int withPeople;

        @Override
        public void accept(Prepared keyframe, Consumer<Scored> out) {
            waiting.add(keyframe);
            if (keyframe.clip() != null && ++withPeople == options.batchSize()) {
                finish(out);
            }
        }

        @Override
        public void finish(Consumer<Scored> out) {
            List<Prepared> clips = waiting.stream().filter(k -> k.clip() != null).toList();
            Map<Prepared, List<List<ActionScore>>> scores = clips.isEmpty() ? Map.of() : score(clips);
            for (Prepared keyframe : waiting) {
                out.accept(new Scored(keyframe.index(), keyframe.seconds(), keyframe.people(),
                        scores.getOrDefault(keyframe, List.of())));
            }
            waiting.clear();
            withPeople = 0;
        }
    }

    private Map<Prepared, List<List<ActionScore>>> score(List<Prepared> clips) {
        int[] shape = clips.get(0).clip().shape();
        int perClip = shape[1] * shape[2] * shape[3] * shape[4];
        float[] values = new float[clips.size() * perClip];
        List<float[]> rois = new ArrayList<>();
        for (int b = 0; b < clips.size(); b++) {
            FormattedClip clip = clips.get(b).clip();
            if (!Arrays.equals(clip.shape(), shape)) {
                throw new IllegalStateException("keyframe " + clips.get(b).index() + " has a clip of shape "
                        + Arrays.toString(clip.shape()) + ", the others " + Arrays.toString(shape)
                        + "; the data pipeline must give every keyframe the same size");
            }
            System.arraycopy(clip.values(), 0, values, b * perClip, perClip);
            for (Box box : clip.boxes()) {
                rois.add(new float[] {b, box.x1(), box.y1(), box.x2(), box.y2()});
            }
        }
        INDArray input = Nd4j.create(values, new long[] {clips.size(), shape[1], shape[2], shape[3], shape[4]}, 'c');
        INDArray roiArray = Nd4j.create(rois.toArray(float[][]::new));
        ComposedModel composed = graphFor(TensorShape.of(1, shape[1], shape[2], shape[3], shape[4]));
        Map<String, INDArray> outputs = composed.run(Map.of(ModelComposer.INPUT, input, ModelComposer.ROIS, roiArray));
        DetectionHead head = composed.detectionHead().orElseThrow();
        Map<Prepared, List<List<ActionScore>>> scores = new IdentityHashMap<>();
        int row = 0;
        for (Prepared keyframe : clips) {
            List<List<ActionScore>> perPerson = new ArrayList<>();
            for (PersonBox person : keyframe.people()) {
                List<ActorDetection> detections = head.decode(rows(outputs, row++, rois.size()),
                        List.of(person.box()), keyframe.seconds());
                perPerson.add(detections.stream().filter(d -> labels.contains(d.actionId()))
                        .map(d -> new ActionScore(d.actionId(), labels.name(d.actionId()), d.score()))
                        .sorted(Comparator.comparingDouble(ActionScore::score).reversed()).toList());
            }
            scores.put(keyframe, perPerson);
        }
        return scores;
    }

    /** Row {@code row} of every output with one row per box. */
    private static Map<String, INDArray> rows(Map<String, INDArray> outputs, int row, int boxes) {
        Map<String, INDArray> sliced = new LinkedHashMap<>();
        outputs.forEach((name, array) -> sliced.put(name, array.rank() > 0 && array.size(0) == boxes
                ? array.get(NDArrayIndex.interval(row, row + 1), NDArrayIndex.all()) : array));
        return sliced;
    }

    /** The model for clips of this shape: built and given its weights once, rebuilt if the shape changes. */
    private ComposedModel graphFor(TensorShape oneClip) {
        if (graph == null || !oneClip.equals(graphInput)) {
            closeGraph();
            ComposedModel built = ModelComposer.compose(model, oneClip, options.seed());
            try {
                weights.accept(built);
                graph = built.foldBatchNorm();
            } finally {
                built.close();
            }
            graphInput = oneClip;
        }
        return graph;
    }

    /** The last stage: tracks, segments, the listener. */
    private final class Tracking {
        private final String videoId;
        private final ActorTracker tracker = new ActorTracker(options.trackIou(), options.trackMaxShift(),
                options.maxMissedKeyframes());
        private final ActionSegmenter segmenter;
        private final DetectionListener listener;
        private final List<PersonSegment> segments = new ArrayList<>();
        private int keyframes;
        private long people;
        private int tracks;

        Tracking(String videoId, double durationSeconds, DetectionListener listener) {
            this.videoId = videoId;
            this.segmenter = new ActionSegmenter(options.actionThreshold(), Detector.this.keyframes.stride(),
                    durationSeconds, labels::name);
            this.listener = listener;
        }

        void accept(Scored keyframe) throws IOException {
            keyframes++;
            List<ActorTracker.EndedTrack> endedTracks = new ArrayList<>();
            int[] ids = tracker.assign(keyframe.index(), keyframe.people().stream().map(PersonBox::box).toList(),
                    endedTracks);
            List<PersonSegment> ended = new ArrayList<>();
            for (ActorTracker.EndedTrack track : endedTracks) {
                segmenter.endTrack(track.id(), ended);
            }
            List<PersonDetection> detections = new ArrayList<>();
            for (int p = 0; p < ids.length; p++) {
                PersonBox person = keyframe.people().get(p);
                List<ActionScore> actions = keyframe.actions().get(p);
                Map<Integer, Float> byId = new LinkedHashMap<>();
                actions.forEach(action -> byId.put(action.actionId(), action.score()));
                segmenter.observe(ids[p], keyframe.seconds(), byId, ended);
                detections.add(new PersonDetection(ids[p], person.box(), person.score(), actions));
                tracks = Math.max(tracks, ids[p]);
            }
            people += ids.length;
            listener.keyframe(new KeyframeDetections(videoId, keyframe.index(), keyframe.seconds(), detections));
            emit(ended);
        }

        List<PersonSegment> finish() throws IOException {
            List<PersonSegment> ended = new ArrayList<>();
            for (ActorTracker.EndedTrack track : tracker.finish()) {
                segmenter.endTrack(track.id(), ended);
            }
            ended.addAll(segmenter.finish());
            emit(ended);
            segments.sort(Comparator.comparingInt(PersonSegment::trackId).thenComparingDouble(PersonSegment::startSeconds)
                    .thenComparingInt(PersonSegment::actionId));
            return segments;
        }

        private void emit(List<PersonSegment> ended) throws IOException {
            for (PersonSegment segment : ended) {
                segments.add(segment);
                listener.segment(segment);
            }
        }
    }

    private void closeGraph() {
        if (graph != null) {
            graph.close();
            graph = null;
        }
    }

    @Override
    public void close() {
        closeGraph();
        boxes.close();
    }
}
