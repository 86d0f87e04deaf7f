package io.action4j.plugins.video;

import io.action4j.api.ConfigChecks;

/**
 * Encoding of MPEG-4 Part 2 in MP4 with FFmpeg's own encoder (present in every FFmpeg build, the LGPL
 * one JavaCV bundles included).
 *
 * @param threads encoder threads; 1 (the default) makes the same frames give the same bytes
 */
public record FfmpegWriterConfig(int threads) {

    public static final FfmpegWriterConfig DEFAULTS = new FfmpegWriterConfig(1);

    public FfmpegWriterConfig {
        ConfigChecks.atLeast("threads", threads, 1);
    }
}
