package io.action4j.localization.features;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.action4j.api.io.AtomicFiles;
import io.action4j.engine.data.NpyFiles;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Snippet features kept on disk, one folder per video and extraction setup, so that a video is
 * decoded and run through the backbone once, and an interrupted extraction goes on where it stopped.
 *
 * <p>A folder is named after the video and a digest of its path, size, modification time and the
 * setup (the backbone, pipeline, snippets and weights), so a changed video or setup gets a new one.
 * While extracting, each snippet's row is appended to {@code snippets.partial} as soon as it is
 * computed; a run that stops leaves the rows done, and the next run skips them. A complete
 * extraction is written as {@code features.csv} (MMAction2's layout: header {@code f0..f(C-1)}, one
 * row per snippet), {@code features.npy} (the same values as float32, T x C) and
 * {@code snippets.json} (each snippet's start and end in seconds), each replaced atomically.
 */
public final class FeatureCache {

    private static final String PARTIAL = "snippets.partial";
    private static final String CSV = "features.csv";
    private static final String NPY = "features.npy";
    private static final String TIMES = "snippets.json";
    private static final int MAGIC = 0x41344a46; // "A4JF"
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path root;

    public FeatureCache(Path root) {
        this.root = root;
    }

    /** The cache folder of {@code video} extracted with {@code setup} (any text that identifies it). */
    public Entry entry(Path video, String setup) throws IOException {
        String identity = video.toAbsolutePath().normalize() + "\n" + Files.size(video) + "\n"
                + Files.getLastModifiedTime(video).toMillis() + "\n" + setup;
        String name = video.getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_");
        return new Entry(root.resolve(name + "-" + digest(identity)));
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** One video's cache folder. */
    public static final class Entry {

        private final Path folder;

        Entry(Path folder) {
            this.folder = folder;
        }

        /** The entry in {@code folder} (a folder {@link FeatureCache#entry} named), e.g. to inspect or repair it. */
        public static Entry at(Path folder) {
            return new Entry(folder);
        }

        public Path folder() {
            return folder;
        }

        /** The complete features, if an earlier run finished them. */
        public Optional<FeatureSequence> complete() throws IOException {
            Path npy = folder.resolve(NPY);
            Path times = folder.resolve(TIMES);
            if (!Files.exists(npy) || !Files.exists(times)) {
                return Optional.empty();
            }
            NpyFiles.FloatArray array = NpyFiles.readFloat32(npy);
            var json = JSON.readTree(times.toFile());
            int steps = Math.toIntExact(array.shape()[0]);
            double[] starts = new double[steps];
            double[] ends = new double[steps];
            for (int t = 0; t < steps; t++) {
                starts[t] = json.get("startSeconds").get(t).asDouble();
                ends[t] = json.get("endSeconds").get(t).asDouble();
            }
            return Optional.of(new FeatureSequence(steps, Math.toIntExact(array.shape()[1]), array.values(), starts,
                    ends));
        }

        /** The rows an interrupted run finished, in order (a row cut off by the interruption is dropped). */
        public Rows partial() throws IOException {
            Rows rows = new Rows();
            Path file = folder.resolve(PARTIAL);
            if (!Files.exists(file)) {
                return rows;
            }
            try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(file)))) {
                if (in.readInt() != MAGIC) {
                    return rows;
                }
                int channels = in.readInt();
                while (true) {
                    int index = in.readInt();
                    double start = in.readDouble();
                    double end = in.readDouble();
                    float[] values = new float[channels];
                    for (int c = 0; c < channels; c++) {
                        values[c] = in.readFloat();
                    }
                    if (index != rows.size()) {
                        break;
                    }
                    rows.add(start, end, values);
                }
            } catch (EOFException endOfRows) {
                // The rows read so far are whole; a partly written last one is dropped.
            }
            return rows;
        }

        /** Appends rows after the {@code rows} already there, rewriting the file with just those first. */
        public RowAppender appender(Rows rows) throws IOException {
            Files.createDirectories(folder);
            Path file = folder.resolve(PARTIAL);
            DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(file)));
            RowAppender appender = new RowAppender(out);
            for (int i = 0; i < rows.size(); i++) {
                appender.append(i, rows.startSeconds(i), rows.endSeconds(i), rows.values(i));
            }
            out.flush();
            return appender;
        }

        /** Writes the complete features and drops the partial rows. */
        public void finish(FeatureSequence features) throws IOException {
            writeAll(features, folder.resolve(CSV), folder.resolve(NPY), folder.resolve(TIMES));
            Files.deleteIfExists(folder.resolve(PARTIAL));
        }
    }

    /**
     * Writes timed features as MMAction2's CSV, as float32 {@code .npy} (T x C) and their times as JSON
     * ({@code {"snippets", "channels", "startSeconds": [...], "endSeconds": [...]}}), together
     * ({@link AtomicFiles#writeTogether}): a failure while writing any of them leaves all three as they were.
     */
    public static void writeAll(FeatureSequence features, Path csv, Path npy, Path timesJson) throws IOException {
        if (!features.hasTimes()) {
            throw new IllegalArgumentException("features to keep need their snippets' times");
        }
        Files.createDirectories(csv.toAbsolutePath().getParent());
        ObjectNode times = JSON.createObjectNode();
        times.put("snippets", features.steps()).put("channels", features.channels());
        var starts = times.putArray("startSeconds");
        var ends = times.putArray("endSeconds");
        for (int t = 0; t < features.steps(); t++) {
            starts.add(features.startSeconds()[t]);
            ends.add(features.endSeconds()[t]);
        }
        String timesText = JSON.writeValueAsString(times) + "\n";
        AtomicFiles.writeTogether(List.of(
                new AtomicFiles.Part(csv, FeatureCsv.content(features)),
                new AtomicFiles.Part(npy, temporary -> NpyFiles.writeFloat32(temporary, features.values(),
                        features.steps(), features.channels())),
                new AtomicFiles.Part(timesJson, temporary -> Files.writeString(temporary, timesText,
                        StandardCharsets.UTF_8))));
    }

    /**
     * {@link #writeAll(FeatureSequence, Path, Path, Path)} under one video's name in {@code folder}: {@code NAME.csv}
     * (MMAction2's feature CSV, what a localizer's {@code dataPrefix} holds), {@code NAME.npy} and {@code NAME.json};
     * returns the CSV.
     */
    public static Path writeAll(FeatureSequence features, Path folder, String name) throws IOException {
        Path csv = folder.resolve(name + ".csv");
        writeAll(features, csv, folder.resolve(name + ".npy"), folder.resolve(name + ".json"));
        return csv;
    }

    /** Appends snippet rows to a partial file, each flushed as it is written. */
    public static final class RowAppender implements AutoCloseable {

        private final DataOutputStream out;
        private int channels = -1;

        RowAppender(DataOutputStream out) {
            this.out = out;
        }

        public void append(int index, double startSeconds, double endSeconds, float[] values) throws IOException {
            if (channels < 0) {
                channels = values.length;
                out.writeInt(MAGIC);
                out.writeInt(channels);
            }
            out.writeInt(index);
            out.writeDouble(startSeconds);
            out.writeDouble(endSeconds);
            for (float value : values) {
                out.writeFloat(value);
            }
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }
}
