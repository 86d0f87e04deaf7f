package io.action4j.spark;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** The videos under a folder, listed on the driver through Hadoop's filesystems (local, HDFS, S3, ...). */
final class VideoListing {

    /** The extensions the ffmpeg reader is chosen for. */
    static final Set<String> EXTENSIONS = Set.of("mp4", "avi", "mkv", "mov", "webm", "m4v", "mpg", "mpeg", "ts", "flv");

    private VideoListing() {
    }

    /** One row per video file under {@code folder} (recursively), sorted, in a column named {@code video}. */
    static Dataset<Row> list(SparkSession spark, String folder) throws IOException {
        Path root = new Path(folder);
        FileSystem filesystem = root.getFileSystem(spark.sparkContext().hadoopConfiguration());
        if (!filesystem.exists(root)) {
            throw new IOException(folder + ": no such folder");
        }
        FileStatus status = filesystem.getFileStatus(root);
        if (!status.isDirectory()) {
            throw new IOException(folder + ": not a folder");
        }
        List<String> videos = new ArrayList<>();
        RemoteIterator<LocatedFileStatus> files = filesystem.listFiles(root, true);
        while (files.hasNext()) {
            Path file = files.next().getPath();
            String name = file.getName().toLowerCase(Locale.ROOT);
            int dot = name.lastIndexOf('.');
            if (dot > 0 && EXTENSIONS.contains(name.substring(dot + 1))) {
                URI uri = file.toUri();
                videos.add("file".equals(uri.getScheme()) ? uri.getPath() : uri.toString());
            }
        }
        videos.sort(null);
        return spark.createDataset(videos, Encoders.STRING()).toDF(BatchInference.VIDEO);
    }
}
