package io.action4j.plugins.video;

import io.action4j.api.video.VideoEncoder;
import io.action4j.api.video.VideoWriterFactory;

/** Registers MPEG-4 video writing with FFmpeg, overlays drawn with OpenCV, as {@value #NAME}. */
public final class FfmpegWriterFactory implements VideoWriterFactory<FfmpegWriterConfig> {

    public static final String NAME = "ffmpeg";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<FfmpegWriterConfig> configType() {
        return FfmpegWriterConfig.class;
    }

    @Override
    public FfmpegWriterConfig defaultConfig() {
        return FfmpegWriterConfig.DEFAULTS;
    }

    @Override
    public VideoEncoder create(FfmpegWriterConfig config) {
        return (target, format) -> FfmpegVideoSink.open(target, format, config);
    }

    @Override
    public String description() {
        return "MPEG-4 in MP4 encoded by FFmpeg (JavaCV), text and boxes drawn by OpenCV";
    }
}
