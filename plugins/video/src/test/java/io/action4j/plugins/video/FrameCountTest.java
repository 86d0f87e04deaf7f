package io.action4j.plugins.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import io.action4j.api.video.VideoException;
import io.action4j.api.video.VideoFrame;
import io.action4j.api.video.VideoReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.assertj.core.data.Offset;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files whose container announces no frame count or a wrong one: the reader must neither refuse
 * them nor stop where the count says. Each test writes its video with JavaCV: frame {@code i} is a
 * flat grey of level {@code 2 i + 20}, so order and completeness can be read back from the pixels.
 */
class FrameCountTest {

    private static final int FRAMES = 100;
    /** MPEG-4 and the YUV round trip move a flat grey by up to 4 levels (measured: 20 reads as 17). */
    private static final Offset<Double> TOLERANCE = offset(5.0);

    @TempDir
    Path folder;

    @Test
    void streamGoesPastACountThatIsTooLow() throws Exception {
        Path video = write(folder.resolve("low_count.avi"), "avi");
        announceFrames(video, 60);

        try (VideoReader reader = FfmpegVideoReaderTest.open(video)) {
            assertThat(reader.metadata().frameCount()).isEqualTo(60);
            List<VideoFrame> frames = readAll(reader.stream(0));

            assertThat(frames).hasSize(FRAMES);
            for (int i = 0; i < FRAMES; i++) {
                assertThat(frames.get(i).index()).isEqualTo(i);
                assertThat(meanLevel(frames.get(i))).as("frame %d", i).isCloseTo(level(i), TOLERANCE);
                if (i > 0) {
                    // Two grey levels apart: in order, none lost or repeated.
                    assertThat(meanLevel(frames.get(i))).as("frame %d", i).isGreaterThan(meanLevel(frames.get(i - 1)));
                }
            }
            // Random access reaches the frames past the announced count, and says where the video really ends.
            assertThat(meanLevel(reader.read(new int[] {85}).get(0))).isCloseTo(level(85), TOLERANCE);
            assertThat(meanLevel(reader.read(new int[] {30}).get(0))).isCloseTo(level(30), TOLERANCE);
            // Far past the end: found by decoding forward from the announced end, not by endless seeks.
            assertThatThrownBy(() -> reader.read(new int[] {1_000_000}))
                    .isInstanceOf(VideoException.class)
                    .hasMessageContaining("frame 1000000 is outside the video's 60 frames (decoding ended after frame 99)");
            assertThatThrownBy(() -> reader.read(new int[] {FRAMES + 5}))
                    .isInstanceOf(VideoException.class)
                    .hasMessageContaining(video.toString())
                    .hasMessageContaining("frame 105 is outside the video's 60 frames (decoding ended after frame 99)");
        }
    }

    @Test
    void rawStreamWithoutACountHasItsPacketsCounted() throws Exception {
        Path video = write(folder.resolve("camera.m4v"), "m4v");

        try (VideoReader reader = FfmpegVideoReaderTest.open(video)) {
            assertThat(reader.metadata().frameCount()).isEqualTo(FRAMES);
            List<VideoFrame> frames = readAll(reader.stream(0));
            assertThat(frames).hasSize(FRAMES);
            assertThat(meanLevel(frames.get(FRAMES - 1))).isCloseTo(level(FRAMES - 1), TOLERANCE);
        }
    }

    private static int level(int frame) {
        return 2 * frame + 20;
    }

    /** {@link #FRAMES} frames of 64 x 48 at 25 fps, MPEG-4 Part 2 in the given container. */
    private static Path write(Path file, String format) throws Exception {
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), 64, 48, 0)) {
            recorder.setFormat(format);
            recorder.setVideoCodecName("mpeg4");
            recorder.setVideoQuality(2);
            recorder.setFrameRate(25);
            recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            recorder.start();
            Frame frame = new Frame(64, 48, Frame.DEPTH_UBYTE, 3);
            for (int i = 0; i < FRAMES; i++) {
                ByteBuffer pixels = (ByteBuffer) frame.image[0];
                for (int j = 0; j < pixels.capacity(); j++) {
                    pixels.put(j, (byte) level(i));
                }
                recorder.record(frame, avutil.AV_PIX_FMT_BGR24);
            }
            recorder.stop();
        }
        return file;
    }

    /** Rewrites an AVI's two frame counts (the main header's dwTotalFrames, the video stream header's dwLength). */
    private static void announceFrames(Path avi, int frames) throws Exception {
        byte[] bytes = Files.readAllBytes(avi);
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int mainHeader = indexOf(bytes, "avih");
        int streamHeader = indexOf(bytes, "strh");
        assertThat(new String(bytes, streamHeader + 8, 4, StandardCharsets.US_ASCII)).isEqualTo("vids");
        assertThat(buffer.getInt(mainHeader + 8 + 16)).isEqualTo(FRAMES);
        assertThat(buffer.getInt(streamHeader + 8 + 32)).isEqualTo(FRAMES);
        buffer.putInt(mainHeader + 8 + 16, frames);
        buffer.putInt(streamHeader + 8 + 32, frames);
        Files.write(avi, bytes);
    }

    private static int indexOf(byte[] bytes, String tag) {
        byte[] wanted = tag.getBytes(StandardCharsets.US_ASCII);
        search:
        for (int i = 0; i + wanted.length <= bytes.length; i++) {
            for (int j = 0; j < wanted.length; j++) {
                if (bytes[i + j] != wanted[j]) {
                    continue search;
                }
            }
            return i;
        }
        throw new AssertionError("no " + tag + " chunk");
    }

    private static List<VideoFrame> readAll(Iterator<VideoFrame> stream) {
        List<VideoFrame> frames = new ArrayList<>();
        stream.forEachRemaining(frames::add);
        return frames;
    }

    private static double meanLevel(VideoFrame frame) {
        long sum = 0;
        for (byte value : frame.pixels()) {
            sum += value & 0xff;
        }
        return (double) sum / frame.pixels().length;
    }
}
