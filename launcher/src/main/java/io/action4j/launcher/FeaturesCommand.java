package io.action4j.launcher;

import io.action4j.api.video.VideoReader;
import io.action4j.engine.checkpoint.Checkpoint;
import io.action4j.engine.config.ExperimentConfig;
import io.action4j.engine.data.ClipPipeline;
import io.action4j.engine.stream.Snippets;
import io.action4j.localization.features.FeatureCache;
import io.action4j.localization.features.FeatureSequence;
import io.action4j.localization.features.SnippetFeatureExtractor;
import io.action4j.localization.run.LocalizerWeights;
import io.action4j.localization.run.SegmentFiles;
import io.action4j.registry.config.ConfigBinder;
import io.action4j.registry.config.ConfigLoader;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code action4j features --config C --out DIR VIDEO...}: snippet features, as files a localizer trains on. */
@Command(name = "features", mixinStandardHelpOptions = true,
        description = {"Extracts snippet features from raw videos in one streaming pass each, as localize does: the "
                + "config's windows cut a video into snippets, its data pipeline prepares each snippet and its "
                + "model's backbone turns it into one feature vector.",
                "Writes DIR/<video name>.csv (MMAction2's layout: header f0..f(C-1), one row per snippet, as its "
                        + "localizers read them), DIR/<video name>.npy (float32, snippets x C) and DIR/<video name>.json "
                        + "(each snippet's start and end in seconds)."})
final class FeaturesCommand implements Callable<Integer> {

    private final ConfigLoader loader;
    private final ConfigBinder binder;

    @Spec
    CommandSpec spec;

    @Mixin
    ReaderArguments readerArguments;

    @Mixin
    SnippetArguments snippets;

    @Option(names = "--checkpoint", paramLabel = "FILE",
            description = "The backbone's weights (a recognizer's or a whole localizer's checkpoint will do).")
    Path checkpoint;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the feature files.")
    Path output;

    @Parameters(arity = "1..*", paramLabel = "VIDEO", description = "Video files.")
    List<Path> videos;

    @Inject
    FeaturesCommand(ConfigLoader loader, ConfigBinder binder) {
        this.loader = loader;
        this.binder = binder;
    }

    @Override
    public Integer call() throws IOException {
        ExperimentConfig experiment = snippets.bind(loader, binder);
        if (experiment.model() == null || experiment.data() == null) {
            throw new IllegalArgumentException(snippets.config + ": snippet features need model (with a backbone) and data "
                    + "sections, and windows unless the sampler centres clips (untrimmed_sample_frames)");
        }
        ClipPipeline pipeline = ClipPipeline.build(experiment.data());
        Snippets cut;
        try {
            cut = Snippets.of(experiment.windows() == null ? null : experiment.windows().spec(), pipeline);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(snippets.config + ": " + e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (checkpoint == null) {
            spec.commandLine().getErr().println("action4j: no --checkpoint: the backbone keeps its seeded initial weights");
        }
        LocalizerWeights weights = new LocalizerWeights(checkpoint == null ? null
                : new Checkpoint(checkpoint, snippets.keyMapping, false), null);
        var decoders = readerArguments.decodersFor(experiment);
        try (SnippetFeatureExtractor extractor = new SnippetFeatureExtractor(experiment.model(),
                pipeline, cut, snippets.batch, snippets.seed,
                weights.backboneLoader())) {
            for (Path video : videos) {
                FeatureSequence features;
                try (VideoReader reader = decoders.apply(video).open(video)) {
                    features = extractor.features(video, reader);
                }
                Path csv = FeatureCache.writeAll(features, output, SegmentFiles.fileStem(video.toString()));
                out.printf("%s: %d snippets x %d features -> %s%n", video, features.steps(), features.channels(), csv);
                out.flush();
            }
        }
        return 0;
    }
}
