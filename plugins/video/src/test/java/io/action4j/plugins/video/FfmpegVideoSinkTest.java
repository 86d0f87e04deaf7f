package io.action4j.plugins.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.action4j.api.video.Overlay;
import io.action4j.api.video.VideoEncoder;
import io.action4j.api.video.VideoException;
import io.action4j.api.video.VideoFormat;
import io.action4j.api.video.VideoFrame;
import io.action4j.api.video.VideoReader;
import io.action4j.api.video.VideoSink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code ffmpeg} video writer, read back with the {@code ffmpeg} reader. */
class FfmpegVideoSinkTest {

    private static final int WIDTH = 64;
    private static final int HEIGHT = 48;
    private static final VideoFormat FORMAT = new VideoFormat(WIDTH, HEIGHT, 25, 2, 8);

    private final VideoEncoder encoder = new FfmpegWriterFactory().create(FfmpegWriterConfig.DEFAULTS);

    @TempDir
    Path folder;

    @Test
    void framesComeBackWithTheirSizeRateCountAndNearlyTheirPixels() throws Exception {
        Path video = folder.resolve("gradient.mp4");
        List<VideoFrame> frames = IntStream.range(0, 20).mapToObj(FfmpegVideoSinkTest::gradient).toList();

        try (VideoSink sink = encoder.open(video, FORMAT)) {
            for (VideoFrame frame : frames) {
                sink.write(frame);
            }
            sink.finish();
        }

        try (VideoReader reader = FfmpegVideoReader.open(video, FfmpegReaderConfig.DEFAULTS)) {
            assertThat(reader.metadata().frameCount()).isEqualTo(20);
            assertThat(reader.metadata().width()).isEqualTo(WIDTH);
            assertThat(reader.metadata().height()).isEqualTo(HEIGHT);
            assertThat(reader.metadata().fps()).isEqualTo(25.0);
            List<VideoFrame> decoded = reader.read(new int[] {0, 7, 19});
            // Quantiser 2 and 4:2:0 chroma: a smooth gradient comes back within a few grey levels on average.
            assertThat(meanAbsoluteDifference(decoded.get(0), frames.get(0))).isLessThan(3.0);
            assertThat(meanAbsoluteDifference(decoded.get(1), frames.get(7))).isLessThan(3.0);
            assertThat(meanAbsoluteDifference(decoded.get(2), frames.get(19))).isLessThan(3.0);
        }
        try (var files = Files.list(folder)) {
            assertThat(files.map(path -> path.getFileName().toString())).containsExactly("gradient.mp4");
        }
    }

    @Test
    void overlayIsDrawnOnTheVideoNotOnTheCallersFrame() throws Exception {
        VideoFrame black = new VideoFrame(0, WIDTH, HEIGHT, 3, new byte[WIDTH * HEIGHT * 3]);
        Path plain = folder.resolve("plain.mp4");
        Path annotated = folder.resolve("annotated.mp4");
        Overlay overlay = new Overlay(List.of("walk 0.93"), List.of(new Overlay.Box(30, 20, 60, 45, "person 1")));

        try (VideoSink sink = encoder.open(plain, FORMAT)) {
            sink.write(black);
            sink.finish();
        }
        try (VideoSink sink = encoder.open(annotated, FORMAT)) {
            sink.write(black, overlay);
            sink.finish();
        }

        assertThat(black.pixels()).containsOnly((byte) 0);
        try (VideoReader withoutOverlay = FfmpegVideoReader.open(plain, FfmpegReaderConfig.DEFAULTS);
             VideoReader withOverlay = FfmpegVideoReader.open(annotated, FfmpegReaderConfig.DEFAULTS)) {
            VideoFrame dark = withoutOverlay.read(new int[] {0}).get(0);
            VideoFrame drawn = withOverlay.read(new int[] {0}).get(0);
            assertThat(brightPixels(dark, 0, 0, WIDTH, HEIGHT)).isZero();
            assertThat(brightPixels(drawn, 0, 0, 28, 14)).as("text in the top-left corner").isPositive();
            // The box's green edge: bright in green, not in red.
            assertThat(drawn.value(45, 45, 1)).isGreaterThan(100);
            assertThat(drawn.value(45, 45, 0)).isLessThan(100);
        }
    }

    @Test
    void abandonedOrFailedVideoLeavesTheEarlierFileAndNoPartialOne() throws Exception {
        Path video = folder.resolve("result.mp4");
        Files.writeString(video, "an earlier good result");

        try (VideoSink sink = encoder.open(video, FORMAT)) {
            sink.write(gradient(0));
            assertThatThrownBy(() -> sink.write(new VideoFrame(1, 32, 32, 3, new byte[32 * 32 * 3])))
                    .isInstanceOf(VideoException.class)
                    .hasMessage(video + ": frame 1 is 32x32x3, the video takes 64x48x3 (RGB)");
        }

        assertThat(Files.readString(video)).isEqualTo("an earlier good result");
        try (var files = Files.list(folder)) {
            assertThat(files.map(path -> path.getFileName().toString())).containsExactly("result.mp4");
        }
    }

    @Test
    void missingFolderIsAnErrorNamingTheTarget() {
        Path video = folder.resolve("no/such/folder/out.mp4");

        assertThatThrownBy(() -> encoder.open(video, FORMAT))
                .isInstanceOf(VideoException.class)
                .hasMessageStartingWith(video + ": cannot write the video");
    }

    @Test
    void ffmpegsErrorCodeIsSaidInItsWordsAndNothingAfterThem() {
        // JavaCV's message for a write past a size limit (EFBIG), as recorder.start() throws it.
        String reason = FfmpegVideoSink.reason(new org.bytedeco.javacv.FrameRecorder.Exception(
                "avio_open2 error() error -27: Could not open '/out/.a.mp4.1.2.partial' "
                        + "(For more details, make sure FFmpegLogCallback.set() has been called.)"));

        assertThat(reason).isEqualTo("file too large");
    }

    /** A diagonal gradient that moves one step a frame. */
    private static VideoFrame gradient(int index) {
        byte[] pixels = new byte[WIDTH * HEIGHT * 3];
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                int value = (x * 2 + y * 2 + index * 3) % 256;
                int at = (y * WIDTH + x) * 3;
                pixels[at] = (byte) value;
                pixels[at + 1] = (byte) (255 - value);
                pixels[at + 2] = (byte) 128;
            }
        }
        return new VideoFrame(index, WIDTH, HEIGHT, 3, pixels);
    }

    private static double meanAbsoluteDifference(VideoFrame a, VideoFrame b) {
        double sum = 0;
        for (int i = 0; i < a.pixels().length; i++) {
            sum += Math.abs((a.pixels()[i] & 0xff) - (b.pixels()[i] & 0xff));
        }
        return sum / a.pixels().length;
    }

    private static long brightPixels(VideoFrame frame, int x0, int y0, int x1, int y1) {
        return IntStream.range(y0, y1).mapToLong(y -> IntStream.range(x0, x1)
                .filter(x -> Arrays.stream(new int[] {0, 1, 2}).map(c -> frame.value(x, y, c)).max().orElse(0) > 150)
                .count()).sum();
    }
}
