package io.action4j.launcher;

import io.action4j.api.ComponentKind;
import io.action4j.api.video.VideoDecoder;
import io.action4j.engine.config.ExperimentConfig;
import io.action4j.registry.config.ComponentOf;
import io.action4j.registry.config.ComponentSpec;
import io.action4j.registry.config.ConfigBinder;
import io.action4j.registry.config.ConfigLoader;
import io.action4j.registry.config.ConfigTree;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import picocli.CommandLine.Option;

/** Which video reader a command uses, and its settings, bound as strictly as a config file. */
final class ReaderArguments {

    static final String AUTO = "auto";

    /** The shape the reader settings are bound to. */
    record ReaderChoice(@ComponentOf(ComponentKind.VIDEO_READER) ComponentSpec reader) {
    }

    private final ConfigLoader loader;
    private final ConfigBinder binder;

    @Option(names = "--reader", defaultValue = AUTO, paramLabel = "NAME",
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

    /** For each path, the reader the config's {@code data} section names, or {@code --reader}'s, or by path. */
    Function<Path, VideoDecoder> decodersFor(ExperimentConfig config) {
        ComponentSpec configured = config.data() == null ? null : config.data().reader();
        return video -> decoderFor(video, configured);
    }

    /** The reader a config names, unless {@code --reader} names one; without either, chosen by path. */
    VideoDecoder decoderFor(Path video, ComponentSpec configured) {
        if (configured != null && reader.equals(AUTO) && options.isEmpty()) {
            return configured.create(VideoDecoder.class);
        }
        return decoderFor(video);
    }

    VideoDecoder decoderFor(Path video) {
        return decoderFor(video, Files.isDirectory(video) ? "rawframes" : "ffmpeg");
    }

    /** The reader {@code --reader} names, or {@code byDefault} when it says auto. */
    VideoDecoder decoderFor(Path video, String byDefault) {
        String name = !reader.equals(AUTO) ? reader : byDefault;
        ConfigTree tree = loader.parse("reader:\n  type: " + name + "\n", "--reader " + name);
        List<String> overrides = options.stream().map(option -> "reader." + option).toList();
        ComponentSpec spec = binder.bind(loader.applyOverrides(tree, overrides), ReaderChoice.class).reader();
        return spec.create(VideoDecoder.class);
    }
}
