package io.action4j.engine.data;

import io.action4j.api.ComponentKind;
import io.action4j.api.video.VideoEncoder;
import io.action4j.registry.PluginRegistry;
import io.action4j.registry.config.ComponentSpec;

/**
 * The standard video writer: the registry's {@code ffmpeg} writer (the video plugin's) with its default
 * settings, as the commands use it ({@code recognize --annotate}, {@code synth}, {@code demo}).
 */
public final class VideoWriters {

    public static final String DEFAULT = "ffmpeg";

    private VideoWriters() {
    }

    public static VideoEncoder standard(PluginRegistry registry) {
        return ComponentSpec.defaults(registry.find(ComponentKind.VIDEO_WRITER, DEFAULT)).create(VideoEncoder.class);
    }
}
