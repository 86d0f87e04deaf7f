package io.action4j.launcher;

import io.action4j.api.detection.PersonBoxSource;
import io.action4j.api.model.DetectionHead;
import io.action4j.engine.checkpoint.Checkpoint;
import io.action4j.engine.checkpoint.ModelCheckpoint;
import io.action4j.engine.config.ExperimentConfig;
import io.action4j.engine.config.KeyframesConfig;
import io.action4j.engine.data.VideoWriters;
import io.action4j.engine.model.ComposedModel;
import io.action4j.engine.stream.DecodeProgress;
import io.action4j.engine.stream.StagedPipeline;
import io.action4j.registry.PluginRegistry;
import io.action4j.registry.config.ConfigBinder;
import io.action4j.registry.config.ConfigLoader;
import io.action4j.spatiotemporal.ava.AvaLabelMapReader;
import io.action4j.spatiotemporal.ava.KeyframeKey;
import io.action4j.spatiotemporal.boxes.AvaCsvBoxSource;
import io.action4j.spatiotemporal.run.ActionLabels;
import io.action4j.spatiotemporal.run.DetectionFiles;
import io.action4j.spatiotemporal.run.DetectionListener;
import io.action4j.spatiotemporal.run.DetectionResult;
import io.action4j.spatiotemporal.run.DetectionVideo;
import io.action4j.spatiotemporal.run.Detector;
import io.action4j.spatiotemporal.run.DetectorOptions;
import io.action4j.spatiotemporal.run.KeyframeDetections;
import io.action4j.spatiotemporal.run.PersonBoxSources;
import io.action4j.spatiotemporal.track.PersonSegment;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code action4j detect --config C --boxes SOURCE --out-dir DIR VIDEO...}: who does what, where and when. */
@Command(name = "detect", mixinStandardHelpOptions = true,
        description = {"Spatio-temporal (AVA-style) action detection over whole videos, in one streaming pass: "
                + "keyframes at the config's stride (keyframes: {stride: 1} by default, as AVA), person boxes on each "
                + "from --boxes, the clip centred on each keyframe through the backbone, RoI features per person, "
                + "multi-label action scores per person, people linked over keyframes into tracks and their actions "
                + "into segments. The stages run side by side with bounded queues between them, so memory stays flat "
                + "over hours of video.",
                "Writes, per video, into --out-dir: ID.ava.csv (AVA result rows: video_id,timestamp,x1,y1,x2,y2,"
                        + "action_id,score, normalised), ID.keyframes.jsonl (each keyframe's people with track ids and "
                        + "actions), ID.segments.json (each person's action segments) and, unless --no-video, "
                        + "ID.annotated.mp4. Files of a failed run are not written; earlier ones stay."})
final class DetectCommand implements Callable<Integer> {

    private final ConfigLoader loader;
    private final ConfigBinder binder;
    private final PluginRegistry registry;

    @Spec
    CommandSpec spec;

    @Mixin
    ReaderArguments readerArguments;

    @Option(names = "--config", paramLabel = "FILE",
            description = "A config with model (a backbone and a roiHead), data (the keyframe clip's sampler, e.g. "
                    + "sample_ava_frames, and transforms) and optionally keyframes (stride, start in seconds). "
                    + "Default: the built-in detector with its weights and label map, trained on synthetic "
                    + "multi-actor videos (its actions are the generator's: moving, rotating, growing, ...).")
    Path config;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a config key (repeatable).")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--checkpoint", paramLabel = "FILE", description = "Weights of the whole model (backbone and RoI head).")
    Path checkpoint;

    @Option(names = "--key-mapping", defaultValue = "auto", paramLabel = "NAME",
            description = "How checkpoint keys name graph variables (default: ${DEFAULT-VALUE}, from the keys).")
    String keyMapping;

    @Option(names = "--boxes", required = true, paramLabel = "SOURCE|FILE",
            description = "Where the people on each keyframe come from: a person-box source (see 'plugins list') or an "
                    + "box file: AVA-format CSV (video_id,timestamp,x1,y1,x2,y2,score or ...,action_id[,score]; normalised) "
                    + "or detect's ID.keyframes.jsonl; gt:FILE takes the people of an AVA ground-truth CSV (oracle boxes).")
    String boxes;

    @Option(names = "--min-box-score", defaultValue = "0", paramLabel = "S",
            description = "Drop person boxes scoring below S, from any source (default: ${DEFAULT-VALUE}).")
    double minBoxScore;

    @Option(names = "--label-map", paramLabel = "FILE.pbtxt",
            description = "AVA label map naming the head's actions (its ids must be the head's classes); only its "
                    + "actions are reported.")
    Path labelMap;

    @Option(names = "--threshold", defaultValue = "0.5", paramLabel = "S",
            description = "Least score for an action to be listed, drawn and part of a segment (default: ${DEFAULT-VALUE}).")
    double threshold;

    @Option(names = "--csv-min-score", defaultValue = "0", paramLabel = "S",
            description = "Least score for an AVA CSV row (default: ${DEFAULT-VALUE}: every action, as evaluation needs).")
    double csvMinScore;

    @Option(names = "--track-iou", defaultValue = "0.3", paramLabel = "IOU",
            description = "Least overlap of a box with where a track predicts its person (last box moved by its last "
                    + "move) that continues the track (default: ${DEFAULT-VALUE}).")
    double trackIou;

    @Option(names = "--track-max-shift", defaultValue = "1.5", paramLabel = "SIZES",
            description = "How far (in box sizes) a person's box may be from where their track predicts it and still "
                    + "continue the track when the boxes overlap less than --track-iou (default: ${DEFAULT-VALUE}; 0: "
                    + "overlap alone).")
    double trackMaxShift;

    @Option(names = "--max-missed", defaultValue = "1", paramLabel = "N",
            description = "Keyframes a person may go unseen and keep their track (default: ${DEFAULT-VALUE}).")
    int maxMissed;

    @Option(names = "--batch", defaultValue = "4", paramLabel = "N",
            description = "Keyframes per model pass (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--seed", defaultValue = "0",
            description = "Seed of sampling and of unloaded weights (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out-dir", required = true, paramLabel = "DIR", description = "Folder for the result files.")
    Path outDir;

    @Option(names = "--no-video", description = "Do not write the annotated copy of each video.")
    boolean noVideo;

    @Option(names = "--top", defaultValue = "5", paramLabel = "N", description = "Segments printed per video (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--timings", description = "Print each stage's busy time and each queue's occupancy.")
    boolean timings;

    @Parameters(arity = "1..*", paramLabel = "VIDEO", description = "Video files.")
    List<Path> videos;

    @Inject
    DetectCommand(ConfigLoader loader, ConfigBinder binder, PluginRegistry registry) {
        this.loader = loader;
        this.binder = binder;
        this.registry = registry;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DetectorOptions options;
        try {
            options = new DetectorOptions(seed, batch, threshold, trackIou, trackMaxShift, maxMissed,
                    DetectorOptions.DEFAULTS.queueCapacity());
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        if (config == null && (checkpoint != null || !overrides.isEmpty())) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--checkpoint and --set apply to a --config; without one the built-in detector runs as it is");
        }
        Path builtInFolder = config == null ? Files.createTempDirectory("action4j-detector") : null;
        try {
            ExperimentConfig experiment;
            Consumer<ComposedModel> weights;
            Path labels = labelMap;
            if (config == null) {
                ModelCheckpoint.Contents contents = ModelCheckpoint.load(
                        DemoCommand.copyResource(DemoCommand.DETECTOR, builtInFolder));
                experiment = binder.bind(loader.parse(contents.config(), DemoCommand.DETECTOR), ExperimentConfig.class);
                weights = contents::loadInto;
                labels = labels != null ? labels : DemoCommand.copyResource(DemoCommand.DETECTOR_LABELS, builtInFolder);
                err.println("action4j: the built-in detector (" + DemoCommand.DETECTOR + "), trained on synthetic "
                        + "multi-actor videos: its actions are the generator's, not people's");
            } else {
                experiment = binder.bind(ConfigArguments.load(loader, config, overrides), ExperimentConfig.class);
                if (experiment.model() == null || experiment.model().roiHead() == null
                        || experiment.model().backbone() == null) {
                    throw new picocli.CommandLine.ParameterException(spec.commandLine(), config
                            + ": detect needs a model with a backbone and a roiHead");
                }
                if (checkpoint == null) {
                    err.println("action4j: no checkpoint: the model keeps its seeded initial weights, so the actions "
                            + "mean nothing");
                } else if (!Files.isRegularFile(checkpoint)) {
                    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "no such checkpoint: "
                            + checkpoint);
                }
                weights = loader(checkpoint == null ? null : new Checkpoint(checkpoint, keyMapping, false));
            }
            run(experiment, weights, labels, options, out, err);
        } finally {
            if (builtInFolder != null) {
                DemoCommand.deleteQuietly(builtInFolder);
            }
        }
        return 0;
    }

    private void run(ExperimentConfig experiment, Consumer<ComposedModel> weights, Path labelFile,
                     DetectorOptions options, PrintWriter out, PrintWriter err) throws IOException {
        int numClasses = experiment.model().roiHead().create(DetectionHead.class).numClasses();
        ActionLabels labels = labelFile == null ? ActionLabels.unnamed()
                : ActionLabels.of(labelFile, AvaLabelMapReader.read(labelFile), numClasses);
        KeyframesConfig keyframes = experiment.keyframes() == null ? KeyframesConfig.AVA : experiment.keyframes();
        Files.createDirectories(outDir);
        var decoders = readerArguments.decodersFor(experiment);
        PersonBoxSource source = PersonBoxSources.open(registry, boxes, minBoxScore);
        if (source instanceof AvaCsvBoxSource file) {
            List<String> given = videos.stream().map(Detector::videoId).toList();
            List<String> others = file.videoIds().stream().filter(id -> !given.contains(id)).toList();
            if (!others.isEmpty()) {
                err.println("warning: " + file.file() + " has boxes for " + others.size() + " videos not given: "
                        + String.join(", ", others.subList(0, Math.min(5, others.size())))
                        + (others.size() > 5 ? ", ..." : ""));
            }
        }
        try (Detector detector = new Detector(experiment, decoders, weights, source, options, labels)) {
            for (Path video : videos) {
                String videoId = Detector.videoId(video);
                DetectionVideo drawing = noVideo ? null : new DetectionVideo(keyframes, threshold);
                DetectionResult result;
                try (DetectionFiles files = new DetectionFiles(outDir, videoId, csvMinScore, threshold)) {
                    result = detector.detect(video, both(files, drawing), DecodeProgress.NONE);
                    files.commit(result);
                }
                if (source instanceof AvaCsvBoxSource file) {
                    List<KeyframeKey> unused = file.neverAskedFor(videoId);
                    if (!unused.isEmpty()) {
                        err.println("warning: " + file.file() + " has boxes for " + unused.size() + " times of "
                                + videoId + " that are not its keyframes (first: " + unused.get(0).second()
                                + " s); check the times and the keyframe stride");
                    }
                }
                out.printf(Locale.ROOT, "%s: %d keyframes, %d person boxes, %d tracks, %d action segments (%.1f s)%n",
                        video, result.keyframes(), result.people(), result.tracks(), result.segments().size(),
                        result.durationSeconds());
                result.segments().stream().sorted((a, b) -> Double.compare(b.meanScore(), a.meanScore())).limit(top)
                        .forEach(segment -> out.println("  " + describe(segment)));
                if (timings) {
                    printTimings(out, result);
                }
                out.println("  wrote " + DetectionFiles.csvFile(outDir, videoId) + " (and .keyframes.jsonl, .segments.json)");
                if (drawing != null) {
                    Path annotated = outDir.resolve(videoId + ".annotated.mp4");
                    drawing.write(decoders.apply(video), video, VideoWriters.standard(registry), annotated);
                    out.println("  wrote " + annotated);
                }
                out.flush();
            }
        }
    }

    private static Consumer<ComposedModel> loader(Checkpoint weights) {
        return model -> {
            if (weights != null) {
                weights.loadAllInto(model, "detector");
            }
        };
    }

    static String describe(PersonSegment segment) {
        return String.format(Locale.ROOT, "person %d: %s %.1f-%.1f s (%.2f)", segment.trackId(), segment.label(),
                segment.startSeconds(), segment.endSeconds(), segment.meanScore());
    }

    private static void printTimings(PrintWriter out, DetectionResult result) {
        StagedPipeline.PipelineReport report = result.pipeline();
        out.printf(Locale.ROOT, "  time: %.2f s, %.1f keyframes/s, %d frames decoded, at most %d held%n",
                report.wallSeconds(), result.keyframes() / report.wallSeconds(), result.framesDecoded(),
                result.maxFramesHeld());
        for (StagedPipeline.StageReport stage : report.stages()) {
            out.printf(Locale.ROOT, "    %-7s busy %6.2f s (%3.0f%%)%n", stage.name(), stage.busySeconds(),
                    100 * stage.busySeconds() / report.wallSeconds());
        }
        for (StagedPipeline.QueueReport queue : report.queues()) {
            out.printf(Locale.ROOT, "    queue into %-7s mean %.1f of %d, max %d%n", queue.into(), queue.meanOccupancy(),
                    queue.capacity(), queue.maxOccupancy());
        }
    }

    private static DetectionListener both(DetectionFiles files, DetectionVideo drawing) {
        if (drawing == null) {
            return files;
        }
        return new DetectionListener() {
            @Override
            public void keyframe(KeyframeDetections keyframe) throws IOException {
                files.keyframe(keyframe);
                drawing.keyframe(keyframe);
            }

            @Override
            public void segment(PersonSegment segment) throws IOException {
                files.segment(segment);
            }
        };
    }
}
