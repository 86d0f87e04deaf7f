package io.action4j.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Videos on a Hadoop filesystem are copied to the executor's disk while they are read; local ones are read in place. */
class StagedVideoTest {

    /** The local disk under a scheme of its own, standing for HDFS or S3 (a filesystem that is not the local one). */
    public static final class RemoteLikeFileSystem extends RawLocalFileSystem {

        @Override
        public URI getUri() {
            return URI.create("remotelike:///");
        }

        @Override
        public String getScheme() {
            return "remotelike";
        }
    }

    @TempDir
    Path folder;

    @Test
    void aLocalPathOrFileUriIsReadWhereItIs() throws IOException {
        Path video = Files.writeString(folder.resolve("a.mp4"), "frames");
        try (StagedVideo plain = StagedVideo.of(video.toString(), new Configuration());
             StagedVideo uri = StagedVideo.of(video.toUri().toString(), new Configuration())) {
            assertThat(plain.path()).isEqualTo(video);
            assertThat(uri.path()).isEqualTo(video);
        }
        assertThat(video).exists();
    }

    @Test
    void aVideoOnAnotherFilesystemIsCopiedUnderItsNameAndRemovedAfterwards() throws IOException {
        Path video = Files.writeString(folder.resolve("clip 1.mp4"), "frames of a remote video");
        Configuration hadoop = new Configuration();
        hadoop.set("fs.remotelike.impl", RemoteLikeFileSystem.class.getName());
        hadoop.setBoolean("fs.remotelike.impl.disable.cache", true);
        String remote = "remotelike://" + video.toUri().getRawPath();

        Path staged;
        try (StagedVideo copy = StagedVideo.of(remote, hadoop)) {
            staged = copy.path();
            assertThat(staged).isNotEqualTo(video).hasFileName("clip 1.mp4").hasContent("frames of a remote video");
        }

        assertThat(staged).doesNotExist();
        assertThat(staged.getParent()).doesNotExist();
        assertThatThrownBy(() -> StagedVideo.of("remotelike://" + folder.toUri().getRawPath() + "missing.mp4", hadoop))
                .isInstanceOf(IOException.class).hasMessageContaining("missing.mp4")
                .hasMessageContaining("cannot copy it to the executor's disk");
    }
}
