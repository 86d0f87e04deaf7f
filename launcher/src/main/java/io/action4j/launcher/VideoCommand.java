package io.action4j.launcher;

import io.action4j.engine.data.NpyFiles;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.action4j.api.video.VideoDecoder;
import io.action4j.api.video.VideoException;
import io.action4j.api.video.VideoFrame;
import io.action4j.api.video.VideoMetadata;
import io.action4j.api.video.VideoReader;
import io.action4j.api.video.VideoStreamException;
import io.action4j.engine.data.AnnotationFormat;
import io.action4j.engine.data.DatasetEntry;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code action4j video ...}. */
@Command(name = "video", mixinStandardHelpOptions = true, description = "Inspect and screen videos.",
        subcommands = {VideoCommand.Check.class, VideoCommand.Frames.class, VideoBenchmarkCommand.class})
final class VideoCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code action4j video check FILES...}, like MMAction2's check_videos.py. */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Reports for each video whether it decodes, its metadata, and the first error.",
                    "Every frame is decoded (streamed: memory does not grow with length) unless --metadata-only.",
                    "Exits with 0 when every video is fine, 1 when any is not: usable to screen datasets."})
    static final class Check implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        ReaderArguments readerArguments;

        @Parameters(arity = "0..*", paramLabel = "VIDEO", description = "Video files or rawframe folders.")
        List<Path> videos = new ArrayList<>();

        @Option(names = "--annotations", paramLabel = "LIST",
                description = "Also check every sample of an MMAction2 annotation list ('path label' for videos, "
                        + "'frame_dir total_frames label' for rawframes); rawframe counts are compared with the list.")
        Path annotations;

        @Option(names = "--data-prefix", paramLabel = "DIR", description = "Folder the list's paths are relative to.")
        Path dataPrefix;

        @Mixin
        AnnotationLineArguments annotationLines;

        @Option(names = "--on-error", defaultValue = "skip",
                description = "skip: report a bad video and go on (default); fail: stop at the first bad video.")
        OnError onError;

        enum OnError { SKIP, FAIL }

        @Option(names = "--metadata-only", description = "Open each video and read its metadata, decode nothing.")
        boolean metadataOnly;

        @Option(names = "--format", defaultValue = "text", description = "text or json (one object per line)")
        OutputFormat format;

        @Override
        public Integer call() throws IOException {
            List<DatasetEntry> samples = new ArrayList<>();
            videos.forEach(video -> samples.add(new DatasetEntry(video, OptionalInt.empty(), 0, List.of(), 0)));
            if (annotations != null) {
                samples.addAll(annotationLines.read(annotations, dataPrefix));
            }
            if (samples.isEmpty()) {
                throw new IllegalArgumentException("nothing to check: give videos or --annotations");
            }
            PrintWriter out = spec.commandLine().getOut();
            int checked = 0;
            int failures = 0;
            for (DatasetEntry sample : samples) {
                ObjectNode report = check(sample);
                checked++;
                if (!report.get("ok").asBoolean()) {
                    failures++;
                }
                out.println(format == OutputFormat.JSON ? report.toString() : describe(report));
                out.flush();
                if (failures > 0 && onError == OnError.FAIL) {
                    break;
                }
            }
            if (format != OutputFormat.JSON) {
                out.println(checked - failures + " of " + checked + " videos decode"
                        + (checked < samples.size() ? " (stopped at the first failure; " + (samples.size() - checked)
                        + " not checked)" : ""));
            }
            out.flush();
            return failures == 0 ? 0 : 1;
        }

        private ObjectNode check(DatasetEntry sample) {
            // A rawframe list names folders, even those that are missing.
            boolean listedFolder = sample.line() > 0 && annotationLines.annotationFormat == AnnotationFormat.RAWFRAMES;
            ObjectNode report = check(sample.path(), listedFolder ? readerArguments.decoderFor(sample.path(), "rawframes")
                    : readerArguments.decoderFor(sample.path()));
            if (sample.line() > 0) {
                report.put("line", sample.line());
            }
            if (report.get("ok").asBoolean() && sample.totalFrames().isPresent()
                    && sample.totalFrames().getAsInt() != report.get("frames").asInt()) {
                report.put("ok", false).put("error", sample.path() + ": the list says " + sample.totalFrames().getAsInt()
                        + " frames, the folder has " + report.get("frames").asInt());
            }
            return report;
        }

        /** A bad reader setting is the user's command, not the video: the caller lets it stop the run. */
        private ObjectNode check(Path video, VideoDecoder decoder) {
            ObjectNode report = new ObjectMapper().createObjectNode().put("path", video.toString());
            int decoded = 0;
            try (VideoReader reader = decoder.open(video)) {
                VideoMetadata metadata = reader.metadata();
                report.put("frames", metadata.frameCount()).put("fps", metadata.fps())
                        .put("width", metadata.width()).put("height", metadata.height())
                        .put("durationSeconds", metadata.durationSeconds());
                if (!metadataOnly) {
                    Iterator<VideoFrame> frames = reader.stream(metadata.startIndex());
                    while (frames.hasNext()) {
                        frames.next();
                        decoded++;
                    }
                    report.put("decodedFrames", decoded);
                }
                return report.put("ok", true);
            } catch (VideoException e) {
                return failed(report, e.getMessage(), decoded);
            } catch (VideoStreamException e) {
                return failed(report, e.getMessage(), decoded);
            } catch (RuntimeException e) {
                return failed(report, e.toString(), decoded);
            }
        }

        private ObjectNode failed(ObjectNode report, String error, int decoded) {
            if (!metadataOnly && report.has("frames")) {
                report.put("decodedFrames", decoded);
            }
            return report.put("ok", false).put("error", error);
        }

        private static String describe(ObjectNode report) {
            String path = report.get("path").asText();
            if (!report.get("ok").asBoolean()) {
                return "FAIL " + path + "  " + report.get("error").asText();
            }
            return String.format("OK   %s  %d frames  %.3f fps  %dx%d  %.2f s", path, report.get("frames").asInt(),
                    report.get("fps").asDouble(), report.get("width").asInt(), report.get("height").asInt(),
                    report.get("durationSeconds").asDouble());
        }
    }

    /** {@code action4j video frames FILE --indices 0,5,17 --out F.npy}. */
    @Command(name = "frames", mixinStandardHelpOptions = true,
            description = "Writes the decoded frames at the given indices as a NumPy .npy array: uint8, "
                    + "T x H x W x 3 (RGB), or T x H x W x 2 for optical-flow folders.")
    static final class Frames implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        ReaderArguments readerArguments;

        @Parameters(index = "0", paramLabel = "VIDEO", description = "A video file or rawframe folder.")
        Path video;

        @Option(names = "--indices", required = true, split = ",", paramLabel = "I,J,...",
                description = "Frame indices (from the reader's start index: 0 for files, 1 for rawframes by default).")
        int[] indices;

        @Option(names = "--out", required = true, paramLabel = "FILE.npy", description = "Where to write the array.")
        Path output;

        @Override
        public Integer call() throws Exception {
            Outputs.check(output);
            List<VideoFrame> frames;
            try (VideoReader reader = readerArguments.decoderFor(video).open(video)) {
                frames = reader.read(indices);
            }
            VideoFrame first = frames.get(0);
            int frameBytes = first.pixels().length;
            byte[] data = new byte[frameBytes * frames.size()];
            for (int i = 0; i < frames.size(); i++) {
                System.arraycopy(frames.get(i).pixels(), 0, data, i * frameBytes, frameBytes);
            }
            NpyFiles.writeUint8(output, data, frames.size(), first.height(), first.width(), first.channels());
            PrintWriter out = spec.commandLine().getOut();
            out.printf("wrote %s: uint8 %dx%dx%dx%d%n", output, frames.size(), first.height(), first.width(), first.channels());
            out.flush();
            return 0;
        }
    }
}
