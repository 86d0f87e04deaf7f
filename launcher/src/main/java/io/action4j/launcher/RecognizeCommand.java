package io.action4j.launcher;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.action4j.api.result.ClassScore;
import io.action4j.api.result.ClipScores;
import io.action4j.api.video.VideoException;
import io.action4j.registry.config.ConfigBinder;
import io.action4j.registry.config.ConfigLoader;
import io.action4j.registry.config.ExperimentConfig;
import io.action4j.registry.recognition.RecognitionOptions;
import io.action4j.registry.recognition.Recognizer;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code action4j recognize --config C --checkpoint K [--labels L] VIDEO...}: top-k actions per video. */
@Command(name = "recognize", mixinStandardHelpOptions = true,
        description = {"Recognises the action in each video: the config's data pipeline samples and transforms its "
                + "views (clips x crops), the model scores them (at most --max-views-per-pass at a time) and the views "
                + "are averaged (MMAction2's average_clips); prints the top-k labels with their scores.",
                "Without --checkpoint the model keeps its seeded initial weights (the scores then mean nothing)."})
final class RecognizeCommand implements Callable<Integer> {

    private final ConfigLoader loader;
    private final ConfigBinder binder;

    @Spec
    CommandSpec spec;

    @Mixin
    CheckpointArguments checkpointArguments;

    @Mixin
    ReaderArguments readerArguments;

    @Option(names = "--config", paramLabel = "FILE",
            description = "A config with 'model' and 'data' sections (default: the built-in r3d_18 Kinetics-400 model "
                    + "with its 16x1x1 test pipeline).")
    Path config;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override a config key (repeatable).")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--labels", paramLabel = "FILE",
            description = "Class names, one per line (e.g. MMAction2's label_map_k400.txt); must match the model's classes.")
    Path labels;

    @Option(names = "--top-k", defaultValue = "5", description = "How many classes to print (default: ${DEFAULT-VALUE}).")
    int topK;

    @Option(names = "--average-clips", defaultValue = "prob",
            description = "prob (softmax per view, then the mean; default) or score (mean of raw scores).")
    String averageClips;

    @Option(names = "--max-views-per-pass", defaultValue = "8",
            description = "Views per forward pass at most, to bound memory (default: ${DEFAULT-VALUE}).")
    int maxViewsPerPass;

    @Option(names = "--on-error", defaultValue = "fail",
            description = "fail: stop at the first video that cannot be read (default); skip: report it and go on.")
    VideoCommand.Check.OnError onError;

    @Option(names = "--out", paramLabel = "FILE.json", description = "Also write the results as JSON.")
    Path output;

    @Parameters(arity = "1..*", paramLabel = "VIDEO", description = "Video files or rawframe folders.")
    List<Path> videos;

    @Inject
    RecognizeCommand(ConfigLoader loader, ConfigBinder binder) {
        this.loader = loader;
        this.binder = binder;
    }

    @Override
    public Integer call() throws IOException {
        ExperimentConfig experiment = binder.bind(ConfigArguments.load(loader, config, overrides), ExperimentConfig.class);
        RecognitionOptions options = new RecognitionOptions(averageClips, maxViewsPerPass, 0);
        PrintWriter out = spec.commandLine().getOut();
        ArrayNode results = new ObjectMapper().createArrayNode();
        int failures = 0;
        try (Recognizer recognizer = new Recognizer(experiment,
                video -> readerArguments.decoderFor(video, experiment.data() == null ? null : experiment.data().reader()),
                checkpointArguments::loadInto, options)) {
            List<String> names = readLabels(recognizer.numClasses());
            for (Path video : videos) {
                ClipScores scores;
                try {
                    scores = recognizer.recognize(video);
                } catch (VideoException e) {
                    if (onError == VideoCommand.Check.OnError.FAIL) {
                        throw e;
                    }
                    failures++;
                    spec.commandLine().getErr().println("skipped: " + e.getMessage());
                    results.addObject().put("video", video.toString()).put("error", e.getMessage());
                    continue;
                }
                List<ClassScore> best = scores.topK(topK, names);
                out.println(video + ":");
                ObjectNode result = results.addObject().put("video", video.toString());
                ArrayNode top = result.putArray("topK");
                for (int rank = 0; rank < best.size(); rank++) {
                    ClassScore score = best.get(rank);
                    out.printf("  %d. %-40s %.4f  (class %d)%n", rank + 1, score.label(), score.score(), score.classIndex());
                    top.addObject().put("label", score.label()).put("classIndex", score.classIndex()).put("score", score.score());
                }
                out.flush();
            }
        }
        if (output != null) {
            Files.writeString(output, new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(results));
        }
        return failures == 0 ? 0 : 1;
    }

    /** Class names from --labels, checked against the model before any video is read. */
    private List<String> readLabels(int numClasses) throws IOException {
        if (labels == null) {
            return List.of();
        }
        List<String> names;
        try {
            names = Files.readAllLines(labels, StandardCharsets.UTF_8).stream().map(String::strip)
                    .filter(line -> !line.isEmpty()).toList();
        } catch (NoSuchFileException e) {
            throw new IOException(labels + ": label file not found");
        }
        if (names.size() != numClasses) {
            throw new IllegalArgumentException(labels + " has " + names.size() + " labels, but the model scores "
                    + numClasses + " classes");
        }
        return names;
    }
}
