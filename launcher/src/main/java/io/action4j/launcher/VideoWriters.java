package io.action4j.launcher;

import io.action4j.api.ComponentKind;
import io.action4j.api.video.VideoEncoder;
import io.action4j.registry.PluginRegistry;
import io.action4j.registry.config.ComponentSpec;

/** The video writer the commands use: the registry's {@code ffmpeg} writer (the video plugin's), as configured by default. */
final class VideoWriters {

    static final String DEFAULT = "ffmpeg";

    private VideoWriters() {
    }

    static VideoEncoder standard(PluginRegistry registry) {
        return ComponentSpec.defaults(registry.find(ComponentKind.VIDEO_WRITER, DEFAULT)).create(VideoEncoder.class);
    }
}
