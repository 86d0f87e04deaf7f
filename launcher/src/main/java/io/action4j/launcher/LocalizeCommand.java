package io.action4j.launcher;

import io.action4j.api.io.AtomicFiles;
import io.action4j.api.result.TemporalSegment;
import io.action4j.api.video.VideoReader;
import io.action4j.engine.checkpoint.Checkpoint;
import io.action4j.engine.config.ExperimentConfig;
import io.action4j.engine.recognition.RecognitionOptions;
import io.action4j.engine.recognition.Recognizer;
import io.action4j.localization.activitynet.ActivityNetFiles;
import io.action4j.localization.run.LocalizationResult;
import io.action4j.localization.run.Localizer;
import io.action4j.localization.run.LocalizerOptions;
import io.action4j.localization.run.LocalizerWeights;
import io.action4j.localization.run.ProposalClassifier;
import io.action4j.localization.run.SegmentFiles;
import io.action4j.localization.run.Timeline;
import io.action4j.registry.config.ConfigBinder;
import io.action4j.registry.config.ConfigLoader;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code action4j localize --config C VIDEO...}: temporal segments from raw videos. */
@Command(name = "localize", mixinStandardHelpOptions = true,
        description = {"Finds when actions happen in untrimmed videos, from the raw video in one streaming pass: the "
                + "config's windows cut each video into snippets, the backbone turns each snippet into a feature "
                + "vector, the sequence is rescaled to the localization head's length (BMN: 100 by default) and "
                + "decoded into segments (start, end, score), best first.",
                "Weights: --checkpoint for the whole model, or --backbone-checkpoint (e.g. a recognizer's) and "
                        + "--head-checkpoint (e.g. an MMAction2 BMN checkpoint). Without any, the segments mean "
                        + "nothing.",
                "With --feature-cache the snippet features are kept: a video is decoded once, and an interrupted "
                        + "run resumes from the snippets it finished."})
final class LocalizeCommand implements Callable<Integer> {

    private final ConfigLoader loader;
    private final ConfigBinder binder;

    @Spec
    CommandSpec spec;

    @Mixin
    ReaderArguments readerArguments;

    @Mixin
    SnippetArguments snippets;

    @Option(names = "--checkpoint", paramLabel = "FILE", description = "Weights of the whole model (backbone and head).")
    Path checkpoint;

    @Option(names = "--backbone-checkpoint", paramLabel = "FILE",
            description = "The backbone's weights (a recognizer's checkpoint will do; its head's tensors are left over).")
    Path backboneCheckpoint;

    @Option(names = "--head-checkpoint", paramLabel = "FILE",
            description = "The localization head's weights (an MMAction2 BMN checkpoint loads as it is).")
    Path headCheckpoint;

    @Option(names = "--feature-cache", paramLabel = "DIR",
            description = "Keep snippet features here (MMAction2 CSV, .npy and times per video); reused and resumed.")
    Path featureCache;

    @Option(names = "--top", defaultValue = "5", paramLabel = "N", description = "Segments printed per video (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--out", paramLabel = "FILE.json", description = "Write every segment as ActivityNet result JSON.")
    Path activityNet;

    @Option(names = "--csv", paramLabel = "FILE.csv", description = "Write every segment as CSV (video,start,end,label,score).")
    Path csv;

    @Option(names = "--jsonl", paramLabel = "FILE.jsonl", description = "Write one JSON line per video as it finishes.")
    Path jsonLines;

    @Option(names = "--classifier-config", paramLabel = "FILE",
            description = "Label each proposal with this recognition model (model + data), run on the proposal's own "
                    + "frames; the score becomes proposal score x class probability.")
    Path classifierConfig;

    @Option(names = "--classifier-checkpoint", paramLabel = "FILE", description = "The recognition model's weights.")
    Path classifierCheckpoint;

    @Option(names = "--classifier-classes", paramLabel = "FILE",
            description = "The recognition model's class names, one per line, in its order.")
    Path classifierClasses;

    @Option(names = "--classify", defaultValue = "proposal", paramLabel = "proposal|video",
            description = "proposal: the classifier runs on each proposal's frames (default); video: once on the whole "
                    + "video, each proposal repeated with its --classify-top-k best classes (ActivityNet's recipe).")
    String classify;

    @Option(names = "--classify-top-k", defaultValue = "2", paramLabel = "K",
            description = "With --classify video: classes per proposal (default: ${DEFAULT-VALUE}).")
    int classifyTopK;

    @Option(names = "--classes", paramLabel = "FILE",
            description = "The labels proposals may get, one per line (default: all of --classifier-classes); e.g. "
                    + "leave out a background class.")
    Path classes;

    @Option(names = "--timeline", paramLabel = "FILE.html|FILE.png",
            description = "Draw each video's best segments on a time axis (under the ground truth with --gt).")
    Path timeline;

    @Option(names = "--gt", paramLabel = "GT.json",
            description = "ActivityNet-style ground truth to draw under the predictions in --timeline.")
    Path groundTruth;

    @Option(names = "--short-video", defaultValue = "pad", paramLabel = "pad|fail",
            description = "A video shorter than one snippet: pad it (its one snippet repeats frames; default) or fail.")
    String shortVideo;

    @Option(names = "--timings", description = "Print each video's time per stage (decode, backbone, head, post-processing).")
    boolean timings;

    @Parameters(arity = "1..*", paramLabel = "VIDEO", description = "Video files.")
    List<Path> videos;

    @Inject
    LocalizeCommand(ConfigLoader loader, ConfigBinder binder) {
        this.loader = loader;
        this.binder = binder;
    }

    @Override
    public Integer call() throws IOException {
        Outputs.check(activityNet, csv, jsonLines, timeline);
        if (checkpoint != null && (backboneCheckpoint != null || headCheckpoint != null)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--checkpoint gives the whole model its weights; it excludes --backbone-checkpoint and --head-checkpoint");
        }
        ExperimentConfig experiment = snippets.bind(loader, binder);
        LocalizerWeights weights = weights();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (weights.none()) {
            err.println("action4j: no checkpoint: the model keeps its seeded initial weights, so the segments mean nothing");
        }
        if (!classify.equals("proposal") && !classify.equals("video") || classifyTopK < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--classify takes proposal or video and --classify-top-k a positive number");
        }
        if (!shortVideo.equals("pad") && !shortVideo.equals("fail")) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--short-video takes pad or fail, got '" + shortVideo + "'");
        }
        LocalizerOptions options = new LocalizerOptions(snippets.seed, snippets.batch, Optional.ofNullable(featureCache),
                shortVideo.equals("fail"));
        Map<String, List<TemporalSegment>> byVideo = new LinkedHashMap<>();
        var decoders = readerArguments.decodersFor(experiment);
        Map<String, List<TemporalSegment>> truth = groundTruth == null ? Map.of()
                : ActivityNetFiles.readGroundTruth(groundTruth);
        Map<String, Double> durations = new LinkedHashMap<>();
        Recognizer recognizer = classifierConfig == null ? null : classifierRecognizer(decoders);
        ProposalClassifier classifier = recognizer == null ? null : classifier(recognizer);
        List<String> labels = classifier == null ? null : classifier.outputClasses();
        try (Localizer localizer = new Localizer(experiment, decoders, weights, options, binder.toJson(experiment));
             Recognizer ignored = recognizer;
             AtomicFiles.PendingText lines = jsonLines == null ? null : AtomicFiles.pendingText(jsonLines)) {
            for (Path video : videos) {
                LocalizationResult result = localizer.localize(video);
                if (classifier != null && classify.equals("video")) {
                    result = result.withSegments(classifier.classifyByVideo(video, result.segments(), classifyTopK));
                } else if (classifier != null) {
                    try (VideoReader reader = decoders.apply(video).open(video)) {
                        result = result.withSegments(classifier.classify(video, reader, result.segments()));
                    }
                }
                byVideo.put(video.toString(), result.segments());
                durations.put(video.toString(), result.durationSeconds());
                out.printf("%s: %d segments from %d snippets%s (%.1f s)%n", video, result.segments().size(),
                        result.snippets(), result.fromCache() ? ", features from the cache"
                                : result.resumedSnippets() > 0 ? ", resumed after " + result.resumedSnippets() : "",
                        result.durationSeconds());
                if (timings) {
                    LocalizationResult.StageTimes t = result.times();
                    out.printf(java.util.Locale.ROOT, "  time: %.2f s (%.0f frames/s): decode and transforms %.0f%%, "
                                    + "backbone %.0f%%, head %.0f%%, post-processing %.0f%%%n", t.totalSeconds(),
                            t.framesDecoded() / t.totalSeconds(), share(t.decodeSeconds(), t), share(t.backboneSeconds(), t),
                            share(t.headSeconds(), t), share(t.postProcessingSeconds(), t));
                }
                result.segments().stream().limit(top).forEach(segment ->
                        out.println("  " + SegmentFiles.describe(segment, labels)));
                out.flush();
                if (lines != null) {
                    lines.writer().write(SegmentFiles.jsonLine(result, labels) + "\n");
                    lines.writer().flush();
                }
            }
            if (lines != null) {
                lines.commit();
                out.println("wrote " + jsonLines);
            }
        }
        if (activityNet != null) {
            SegmentFiles.writeActivityNet(activityNet, byVideo, labels);
            out.println("wrote " + activityNet);
        }
        if (csv != null) {
            SegmentFiles.writeCsv(csv, byVideo, labels);
            out.println("wrote " + csv);
        }
        if (timeline != null) {
            Timeline drawing = new Timeline(labels);
            byVideo.forEach((video, segments) -> {
                List<TemporalSegment> videoTruth = groundTruth == null ? null
                        : truth.getOrDefault(SegmentFiles.videoId(video), List.of()).stream()
                                .map(s -> new TemporalSegment(s.startSeconds(), s.endSeconds(), -1, s.score())).toList();
                drawing.add(new Timeline.Row(video, durations.get(video), segments, videoTruth));
            });
            drawing.write(timeline);
            out.println("wrote " + timeline);
        }
        out.flush();
        return 0;
    }

    private Recognizer classifierRecognizer(java.util.function.Function<Path, io.action4j.api.video.VideoDecoder> decoders) {
        if (classifierClasses == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--classifier-config needs --classifier-classes (the model's class names)");
        }
        ExperimentConfig recognition = binder.bind(loader.load(classifierConfig, List.of()), ExperimentConfig.class);
        Checkpoint weights = classifierCheckpoint == null ? null : new Checkpoint(classifierCheckpoint, snippets.keyMapping, true);
        return new Recognizer(recognition, decoders, model -> {
            if (weights != null) {
                weights.loadInto(model);
            }
        }, RecognitionOptions.DEFAULTS);
    }

    private ProposalClassifier classifier(Recognizer recognizer) throws IOException {
        List<String> known = readNames(classifierClasses);
        return new ProposalClassifier(recognizer, known, classes == null ? known : readNames(classes));
    }

    private static List<String> readNames(Path file) throws IOException {
        return Files.readAllLines(file).stream().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    private static double share(double seconds, LocalizationResult.StageTimes times) {
        return 100 * seconds / times.totalSeconds();
    }

    private LocalizerWeights weights() {
        if (checkpoint != null) {
            return new LocalizerWeights(new Checkpoint(checkpoint, snippets.keyMapping, false),
                    new Checkpoint(checkpoint, snippets.keyMapping, false));
        }
        return new LocalizerWeights(backboneCheckpoint == null ? null : new Checkpoint(backboneCheckpoint, snippets.keyMapping, false),
                headCheckpoint == null ? null : new Checkpoint(headCheckpoint, snippets.keyMapping, false));
    }
}
