package io.action4j.plugins.video;

import java.util.Locale;
import java.util.Map;
import org.bytedeco.ffmpeg.global.avutil;

/**
 * How much FFmpeg itself writes to stderr. By default nothing: every failure it meets reaches the user
 * as an exception naming the file, and its own lines ({@code [mov,mp4,...] moov atom not found}) would
 * only repeat it in FFmpeg's words. {@value #PROPERTY} ({@code quiet}, {@code error}, {@code warning},
 * {@code info}, {@code verbose}, {@code debug}) shows them; the launcher's {@code --verbose} sets {@code info}.
 */
final class FfmpegLogs {

    /** The system property read when the first FFmpeg reader or writer class loads. */
    static final String PROPERTY = "action4j.ffmpeg.logLevel";

    private static final Map<String, Integer> LEVELS = Map.of(
            "quiet", avutil.AV_LOG_QUIET, "error", avutil.AV_LOG_ERROR, "warning", avutil.AV_LOG_WARNING,
            "info", avutil.AV_LOG_INFO, "verbose", avutil.AV_LOG_VERBOSE, "debug", avutil.AV_LOG_DEBUG);

    private FfmpegLogs() {
    }

    /** Never throws: it runs while a class loads, where an exception would make the class unusable. */
    static void apply() {
        String wanted = System.getProperty(PROPERTY, "quiet");
        int level = avutil.AV_LOG_QUIET;
        try {
            level = level(wanted);
        } catch (IllegalArgumentException e) {
            System.err.println("warning: " + e.getMessage() + "; FFmpeg stays quiet");
        }
        avutil.av_log_set_level(level);
    }

    static int level(String name) {
        Integer level = LEVELS.get(name.trim().toLowerCase(Locale.ROOT));
        if (level == null) {
            throw new IllegalArgumentException(PROPERTY + " must be one of " + new java.util.TreeSet<>(LEVELS.keySet())
                    + ", got '" + name + "'");
        }
        return level;
    }
}
