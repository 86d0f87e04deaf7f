package io.action4j.plugins.video;

import io.action4j.api.ConfigChecks;

/**
 * Decoding of video files with FFmpeg (through JavaCV).
 *
 * @param threads decoder threads; 0 lets FFmpeg choose
 * @param seekThreshold how many frames ahead a wanted frame may be before the reader seeks to it
 *                      instead of decoding forward (seeking costs a keyframe-to-target decode)
 */
public record FfmpegReaderConfig(int threads, int seekThreshold) {

    public static final FfmpegReaderConfig DEFAULTS = new FfmpegReaderConfig(0, 48);

    public FfmpegReaderConfig {
        ConfigChecks.atLeast("threads", threads, 0);
        ConfigChecks.atLeast("seekThreshold", seekThreshold, 1);
    }
}
