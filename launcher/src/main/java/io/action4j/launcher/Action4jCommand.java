package io.action4j.launcher;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The top-level {@code action4j} command. */
@Command(name = "action4j",
        mixinStandardHelpOptions = true,
        versionProvider = BuildInfo.VersionProvider.class,
        description = "Video action understanding on SameDiff: recognition, temporal localization, "
                + "spatio-temporal detection.",
        subcommands = {PluginsCommand.class, ConfigCommand.class, ModelCommand.class, VideoCommand.class,
                PipelineCommand.class, BenchmarkCommand.class, RecognizeCommand.class, LocalizeCommand.class, DetectCommand.class, FeaturesCommand.class, EvalCommand.class, SynthCommand.class,
                TrainCommand.class, TestCommand.class, DemoCommand.class, InfoCommand.class, FlowCommand.class})
final class Action4jCommand {

    // Read by Main before parsing (the registry must exist first); declared here for --help.
    @Option(names = PluginDirectories.OPTION, scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "A folder of plugin JARs (repeatable). Also from the ACTION4J_PLUGINS path list; "
                    + "default ~/.action4j/plugins when it exists.")
    List<Path> pluginDirectories;

    /** The video plugin's FFmpeg log level (see its FfmpegLogs); a value the user set stays. */
    static final String FFMPEG_LOG_LEVEL = "action4j.ffmpeg.logLevel";

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "Also show the logs of the native libraries underneath (FFmpeg), which are quiet by default: "
                    + "their failures reach you as errors anyway.")
    void verbose(boolean verbose) {
        if (verbose && System.getProperty(FFMPEG_LOG_LEVEL) == null) {
            System.setProperty(FFMPEG_LOG_LEVEL, "info");
        }
    }
}
