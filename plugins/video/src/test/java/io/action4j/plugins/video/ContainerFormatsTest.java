package io.action4j.plugins.video;

import static org.assertj.core.api.Assertions.assertThat;

import io.action4j.api.video.VideoFrame;
import io.action4j.api.video.VideoReader;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** VP9 in WebM and H.264 in Matroska (videos/make_videos.sh), against the ffmpeg CLI's frames. */
class ContainerFormatsTest {

    static Path resource(String name) throws URISyntaxException {
        return Path.of(ContainerFormatsTest.class.getResource("/videos/" + name).toURI());
    }

    @ParameterizedTest
    @ValueSource(strings = {"testsrc_vp9.webm", "testsrc_h264.mkv"})
    void everyFrameAndEverySeekEqualTheFfmpegCli(String video) throws Exception {
        List<String> expected = Fixtures.md5Lines(resource(video.substring(0, video.lastIndexOf('.')) + ".framemd5"));
        try (VideoReader reader = FfmpegVideoReaderTest.open(resource(video))) {
            assertThat(reader.metadata().frameCount()).isEqualTo(24);
            assertThat(reader.metadata().width()).isEqualTo(64);
            assertThat(reader.metadata().height()).isEqualTo(48);
            assertThat(reader.metadata().fps()).isEqualTo(12.0);
            List<String> decoded = new ArrayList<>();
            Iterator<VideoFrame> frames = reader.stream(0);
            while (frames.hasNext()) {
                decoded.add(Fixtures.md5(frames.next().pixels()));
            }
            assertThat(decoded).isEqualTo(expected);
            for (int index = expected.size() - 1; index >= 0; index -= 3) {
                assertThat(Fixtures.md5(reader.read(new int[] {index}).get(0).pixels())).as("frame %d", index)
                        .isEqualTo(expected.get(index));
            }
        }
    }
}
