package io.action4j.launcher;

import io.action4j.api.video.VideoDecoder;
import io.action4j.engine.data.VideoReaders;
import io.action4j.engine.config.ExperimentConfig;
import io.action4j.registry.config.ComponentSpec;
import io.action4j.registry.config.ConfigBinder;
import io.action4j.registry.config.ConfigLoader;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import picocli.CommandLine.Option;

/** {@code --reader} and {@code --reader-option}: which video reader a command uses (engine's {@link VideoReaders}). */
final class ReaderArguments {

    private final ConfigLoader loader;
    private final ConfigBinder binder;

    @Option(names = "--reader", defaultValue = VideoReaders.AUTO, paramLabel = "NAME",
            description = "Video reader: ffmpeg (video files), rawframes (frame folders), a plugin's reader, or auto "
                    + "(folders are rawframes, files ffmpeg; default).")
    String reader;

    @Option(names = "--reader-option", paramLabel = "KEY=VALUE",
            description = "A reader setting, e.g. --reader-option startIndex=0 (repeatable; see 'config show').")
    List<String> options = new ArrayList<>();

    @Inject
    ReaderArguments(ConfigLoader loader, ConfigBinder binder) {
        this.loader = loader;
        this.binder = binder;
    }

    VideoReaders readers() {
        return new VideoReaders(loader, binder, reader, options);
    }

    Function<Path, VideoDecoder> decodersFor(ExperimentConfig config) {
        return readers().decodersFor(config);
    }

    VideoDecoder decoderFor(Path video, ComponentSpec configured) {
        return readers().decoderFor(video, configured);
    }

    VideoDecoder decoderFor(Path video) {
        return readers().decoderFor(video);
    }

    VideoDecoder decoderFor(Path video, String byDefault) {
        return readers().decoderFor(video, byDefault);
    }
}
