package io.action4j.plugins.video;

import static org.assertj.core.api.Assertions.assertThat;

import io.action4j.api.video.VideoFrame;
import io.action4j.api.video.VideoReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Decoded frames against the Debian ffmpeg CLI's RGB24 output (reference/make_frame_md5.sh). */
class FfmpegVideoReaderTest {

    static VideoReader open(Path video) throws Exception {
        return open(video, FfmpegReaderConfig.DEFAULTS);
    }

    static VideoReader open(Path video, FfmpegReaderConfig config) throws Exception {
        return new FfmpegReaderFactory().create(config).open(video);
    }

    @ParameterizedTest
    @CsvSource({"tests/data/test.mp4, test_mp4.framemd5, 300, 340, 256, 30",
                "tests/data/test.avi, test_avi.framemd5, 164, 320, 240, 25"})
    void everyFrameEqualsTheFfmpegCli(String video, String reference, int frames, int width, int height, double fps)
            throws Exception {
        List<String> expected = Fixtures.frameMd5(reference);
        List<String> decoded = new ArrayList<>();
        try (VideoReader reader = open(Fixtures.mmaction2(video))) {
            assertThat(reader.metadata().frameCount()).isEqualTo(frames);
            assertThat(reader.metadata().width()).isEqualTo(width);
            assertThat(reader.metadata().height()).isEqualTo(height);
            assertThat(reader.metadata().fps()).isEqualTo(fps);
            Iterator<VideoFrame> stream = reader.stream(0);
            while (stream.hasNext()) {
                VideoFrame frame = stream.next();
                assertThat(frame.index()).isEqualTo(decoded.size());
                decoded.add(Fixtures.md5(frame.pixels()));
            }
        }
        assertThat(decoded).hasSize(frames).isEqualTo(expected);
    }

    /** With a seek threshold of 1 every jump seeks; with the default, near frames are decoded forward. */
    @ParameterizedTest
    @CsvSource({"tests/data/test.mp4, test_mp4.framemd5, 1", "tests/data/test.avi, test_avi.framemd5, 1",
                "tests/data/test.mp4, test_mp4.framemd5, 48", "tests/data/test.avi, test_avi.framemd5, 48"})
    void randomAccessReturnsTheSamePixelsAsSequentialDecoding(String video, String reference, int seekThreshold)
            throws Exception {
        List<String> expected = Fixtures.frameMd5(reference);
        SplittableRandom random = new SplittableRandom(7);
        int[] indices = random.ints(50, 0, expected.size()).toArray();
        try (VideoReader reader = open(Fixtures.mmaction2(video), new FfmpegReaderConfig(0, seekThreshold))) {
            List<VideoFrame> frames = reader.read(indices);
            for (int i = 0; i < indices.length; i++) {
                assertThat(frames.get(i).index()).isEqualTo(indices[i]);
                assertThat(Fixtures.md5(frames.get(i).pixels())).as("frame %d", indices[i]).isEqualTo(expected.get(indices[i]));
            }
        }
    }

    /**
     * Frames as seek targets: reading backwards makes every read a seek. Every AVI frame (seeks land
     * on the keyframe before); every 7th MP4 frame (seeks land on the target, each costs a GOP decode).
     */
    @ParameterizedTest
    @CsvSource({"tests/data/test.mp4, test_mp4.framemd5, 7", "tests/data/test.avi, test_avi.framemd5, 1"})
    void framesCanBeSeekedTo(String video, String reference, int stride) throws Exception {
        List<String> expected = Fixtures.frameMd5(reference);
        try (VideoReader reader = open(Fixtures.mmaction2(video))) {
            for (int index = expected.size() - 1; index >= 0; index -= stride) {
                VideoFrame frame = reader.read(new int[] {index}).get(0);
                assertThat(Fixtures.md5(frame.pixels())).as("frame %d", index).isEqualTo(expected.get(index));
            }
        }
    }
}
