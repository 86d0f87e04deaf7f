package io.action4j.plugins.video;

import io.action4j.api.video.VideoDecoder;
import io.action4j.api.video.VideoReaderFactory;

/** Registers FFmpeg decoding of video files (mp4, avi, mkv, webm, ...) as {@value #NAME}. */
public final class FfmpegReaderFactory implements VideoReaderFactory<FfmpegReaderConfig> {

    public static final String NAME = "ffmpeg";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<FfmpegReaderConfig> configType() {
        return FfmpegReaderConfig.class;
    }

    @Override
    public FfmpegReaderConfig defaultConfig() {
        return FfmpegReaderConfig.DEFAULTS;
    }

    @Override
    public VideoDecoder create(FfmpegReaderConfig config) {
        return path -> FfmpegVideoReader.open(path, config);
    }

    @Override
    public String description() {
        return "video files decoded by FFmpeg (JavaCV) to RGB";
    }
}
