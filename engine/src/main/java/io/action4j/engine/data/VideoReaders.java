package io.action4j.engine.data;

import io.action4j.api.ComponentKind;
import io.action4j.api.video.VideoDecoder;
import io.action4j.engine.config.ExperimentConfig;
import io.action4j.registry.PluginRegistry;
import io.action4j.registry.config.ComponentOf;
import io.action4j.registry.config.ComponentSpec;
import io.action4j.registry.config.ConfigBinder;
import io.action4j.registry.config.ConfigLoader;
import io.action4j.registry.config.ConfigTree;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * Which video reader opens a path: a reader named with its settings (bound as strictly as a config
 * file, so a wrong setting names the key), the one an experiment's {@code data} section names, or,
 * by default ({@value #AUTO}), one chosen by path: folders are {@code rawframes}, files {@code ffmpeg}.
 */
public final class VideoReaders {

    /** Choose by path. */
    public static final String AUTO = "auto";

    /** The shape a reader choice is bound to. */
    record ReaderChoice(@ComponentOf(ComponentKind.VIDEO_READER) ComponentSpec reader) {
    }

    private final ConfigLoader loader;
    private final ConfigBinder binder;
    private final String name;
    private final List<String> options;

    /**
     * @param name a reader's name, or {@value #AUTO}
     * @param options its settings as {@code key=value} ({@code startIndex=0})
     */
    public VideoReaders(ConfigLoader loader, ConfigBinder binder, String name, List<String> options) {
        this.loader = loader;
        this.binder = binder;
        this.name = name;
        this.options = List.copyOf(options);
    }

    /** Readers chosen by path, with their default settings. */
    public static VideoReaders byPath(PluginRegistry registry) {
        return new VideoReaders(new ConfigLoader(), new ConfigBinder(registry), AUTO, List.of());
    }

    /** For each path, the reader the experiment's {@code data} section names, unless one was named here; else by path. */
    public Function<Path, VideoDecoder> decodersFor(ExperimentConfig config) {
        ComponentSpec configured = config.data() == null ? null : config.data().reader();
        return video -> decoderFor(video, configured);
    }

    /** The reader a config names ({@code configured}, may be null), unless one was named here; else by path. */
    public VideoDecoder decoderFor(Path video, ComponentSpec configured) {
        if (configured != null && name.equals(AUTO) && options.isEmpty()) {
            return configured.create(VideoDecoder.class);
        }
        return decoderFor(video);
    }

    /** The named reader, or by path: {@code rawframes} for a folder, {@code ffmpeg} for a file. */
    public VideoDecoder decoderFor(Path video) {
        return decoderFor(video, Files.isDirectory(video) ? "rawframes" : "ffmpeg");
    }

    /** The named reader, or {@code byDefault} when none was named. */
    public VideoDecoder decoderFor(Path video, String byDefault) {
        String chosen = !name.equals(AUTO) ? name : byDefault;
        ConfigTree tree = loader.parse("reader:\n  type: " + chosen + "\n", "--reader " + chosen);
        List<String> overrides = options.stream().map(option -> "reader." + option).toList();
        ComponentSpec spec = binder.bind(loader.applyOverrides(tree, overrides), ReaderChoice.class).reader();
        return spec.create(VideoDecoder.class);
    }
}
