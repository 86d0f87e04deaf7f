package io.action4j.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;

/**
 * A video where the decoder can open it: a local path (or {@code file:} URI) as it is, any other
 * Hadoop filesystem path ({@code hdfs://}, {@code s3a://}, ...) copied to a temporary folder on the
 * executor's disk for as long as it is used, under its own file name (the reader is chosen by it).
 */
final class StagedVideo implements AutoCloseable {

    private final Path local;
    private final Path folder;

    private StagedVideo(Path local, Path folder) {
        this.local = local;
        this.folder = folder;
    }

    static StagedVideo of(String video, Configuration hadoop) throws IOException {
        URI uri = toUri(video);
        if (uri == null || uri.getScheme() == null || uri.getScheme().equals("file")) {
            return new StagedVideo(uri == null || uri.getScheme() == null ? Path.of(video) : Path.of(uri), null);
        }
        org.apache.hadoop.fs.Path remote = new org.apache.hadoop.fs.Path(uri);
        Path folder = Files.createTempDirectory("action4j-video-");
        Path local = folder.resolve(remote.getName().isEmpty() ? "video" : remote.getName());
        try {
            FileSystem.get(uri, hadoop).copyToLocalFile(false, remote, new org.apache.hadoop.fs.Path(local.toUri()), true);
        } catch (IOException | RuntimeException e) {
            delete(folder);
            throw new IOException(video + ": cannot copy it to the executor's disk: " + e.getMessage(), e);
        }
        return new StagedVideo(local, folder);
    }

    Path path() {
        return local;
    }

    @Override
    public void close() {
        if (folder != null) {
            delete(folder);
        }
    }

    /** A URI when the text is one with a scheme of two letters or more (so {@code C:} stays a path); null otherwise. */
    private static URI toUri(String video) {
        if (!video.matches("[A-Za-z][A-Za-z0-9+.-]+:.*")) {
            return null;
        }
        try {
            return new URI(video);
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(folder + ": cannot remove the staged video", e);
        }
    }
}
