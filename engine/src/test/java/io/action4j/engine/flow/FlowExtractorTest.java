package io.action4j.engine.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.action4j.api.flow.FlowEstimator;
import io.action4j.api.flow.FlowField;
import io.action4j.api.flow.FlowQuantization;
import io.action4j.api.video.VideoDecoder;
import io.action4j.api.video.VideoFrame;
import io.action4j.api.video.VideoMetadata;
import io.action4j.api.video.VideoReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The extraction's bookkeeping, with videos and an estimator made up here: a video named {@code N_frames.x} has N
 * grey frames whose pixels are their index; the estimator's flow from frame a to frame b is {@code b - a} in x and
 * {@code 2 (b - a)} in y everywhere, so every stored file says which pair it holds and in which direction.
 */
class FlowExtractorTest {

    static final int WIDTH = 16;
    static final int HEIGHT = 12;

    /** Every estimate made: video thread, frame pair. */
    final List<String> estimates = Collections.synchronizedList(new ArrayList<>());
    final Set<Thread> closedOn = ConcurrentHashMap.newKeySet();
    final AtomicInteger open = new AtomicInteger();
    final Map<FlowEstimator, Set<Thread>> threadsOfEstimator = new ConcurrentHashMap<>();

    @Test
    void storesOnePairOfGreyJpegsPerConsecutiveFramesWithThePreview(@TempDir Path out) throws Exception {
        FlowExtractor extractor = extractor(new FlowExtractionOptions(20, false, 1, true));
        List<FlowVideoResult> results = extractor.extract(List.of(Path.of("5_frames.mp4")), out,
                FlowExtractor.Listener.NONE);

        FlowVideoResult result = results.get(0);
        assertThat(result.error()).isNull();
        assertThat(result.pairs()).isEqualTo(4);
        assertThat(result.computed()).isEqualTo(4);
        assertThat(result.skipped()).isZero();
        assertThat(result.folder()).isEqualTo(out.resolve("5_frames"));
        assertThat(names(result.folder())).containsExactly("flow_preview.png", "flow_settings.txt", "x_00001.jpg", "x_00002.jpg",
                "x_00003.jpg", "x_00004.jpg", "y_00001.jpg", "y_00002.jpg", "y_00003.jpg", "y_00004.jpg");
        assertThat(result.preview()).isEqualTo(result.folder().resolve(FlowExtractor.PREVIEW));
        // Forward flow of one frame: x 1 px, y 2 px; stored with the bound's rule, read back within JPEG's error.
        assertThat(meanLevel(result.folder().resolve("x_00003.jpg"))).isCloseTo(FlowQuantization.level(1f, 20),
                org.assertj.core.data.Offset.offset(0.5));
        assertThat(meanLevel(result.folder().resolve("y_00003.jpg"))).isCloseTo(FlowQuantization.level(2f, 20),
                org.assertj.core.data.Offset.offset(0.5));
        assertThat(estimates).containsExactly("0->1", "1->2", "2->3", "3->4");
        assertThat(open).as("estimators left open").hasValue(0);
    }

    @Test
    void bidirectionalAlsoStoresTheBackwardFlow(@TempDir Path out) throws Exception {
        FlowExtractor extractor = extractor(new FlowExtractionOptions(5, true, 1, false));
        FlowVideoResult result = extractor.extract(List.of(Path.of("3_frames.mp4")), out,
                FlowExtractor.Listener.NONE).get(0);
        assertThat(names(result.folder())).containsExactly("backward_x_00001.jpg", "backward_x_00002.jpg",
                "backward_y_00001.jpg", "backward_y_00002.jpg", "flow_settings.txt", "x_00001.jpg", "x_00002.jpg", "y_00001.jpg",
                "y_00002.jpg");
        assertThat(estimates).containsExactly("0->1", "1->0", "1->2", "2->1");
        assertThat(meanLevel(result.folder().resolve("backward_y_00002.jpg")))
                .isCloseTo(FlowQuantization.level(-2f, 5), org.assertj.core.data.Offset.offset(0.5));
    }

    @Test
    void aResumedRunComputesOnlyWhatIsMissingAndEndsWithTheFilesOfAnUninterruptedOne(@TempDir Path root)
            throws Exception {
        FlowExtractionOptions options = new FlowExtractionOptions(20, true, 1, true);
        Path whole = root.resolve("whole");
        extractor(options).extract(List.of(Path.of("6_frames.mp4")), whole, FlowExtractor.Listener.NONE);

        // An interrupted run: pairs 1-2 complete, pair 3 half written (its y only), no preview, a temporary left.
        Path resumed = root.resolve("resumed");
        Path folder = resumed.resolve("6_frames");
        Files.createDirectories(folder);
        for (String name : List.of("x_00001.jpg", "y_00001.jpg", "backward_x_00001.jpg", "backward_y_00001.jpg",
                "x_00002.jpg", "y_00002.jpg", "backward_x_00002.jpg", "backward_y_00002.jpg", "y_00003.jpg")) {
            Files.copy(whole.resolve("6_frames").resolve(name), folder.resolve(name));
        }
        Files.writeString(folder.resolve(FlowExtractor.SETTINGS), "difference, bound 20.0\n");
        estimates.clear();
        AtomicInteger pairsHeard = new AtomicInteger();
        FlowVideoResult result = extractor(options).extract(List.of(Path.of("6_frames.mp4")), resumed,
                new FlowExtractor.Listener() {
                    @Override
                    public void pairDone(Path video) {
                        pairsHeard.incrementAndGet();
                    }
                }).get(0);

        assertThat(result.skipped()).isEqualTo(2);
        assertThat(result.computed()).isEqualTo(3);
        assertThat(pairsHeard).hasValue(5);
        assertThat(estimates).containsExactly("2->3", "3->2", "3->4", "4->3", "4->5", "5->4");
        assertThat(names(folder)).isEqualTo(names(whole.resolve("6_frames")));
        for (String name : names(folder)) {
            assertThat(Files.readAllBytes(folder.resolve(name))).as(name)
                    .isEqualTo(Files.readAllBytes(whole.resolve("6_frames").resolve(name)));
        }

        // Once more: nothing left to do.
        estimates.clear();
        FlowVideoResult again = extractor(options).extract(List.of(Path.of("6_frames.mp4")), resumed,
                FlowExtractor.Listener.NONE).get(0);
        assertThat(again.computed()).isZero();
        assertThat(again.skipped()).isEqualTo(5);
        assertThat(estimates).isEmpty();
    }

    @Test
    void resumingWithOtherSettingsIsRefusedNamingBoth(@TempDir Path out) throws Exception {
        extractor(new FlowExtractionOptions(20, false, 1, false)).extract(List.of(Path.of("3_frames.mp4")), out,
                FlowExtractor.Listener.NONE);
        assertThat(out.resolve("3_frames").resolve(FlowExtractor.SETTINGS)).hasContent("difference, bound 20.0");
        estimates.clear();
        FlowVideoResult other = extractor(new FlowExtractionOptions(10, false, 1, false))
                .extract(List.of(Path.of("3_frames.mp4")), out, FlowExtractor.Listener.NONE).get(0);
        assertThat(other.error()).isEqualTo("3_frames.mp4: " + out.resolve("3_frames") + " holds flow extracted with "
                + "difference, bound 20.0; this run would add flow of difference, bound 10.0: extract into another folder, or "
                + "delete that one");
        assertThat(estimates).isEmpty();
    }

    @Test
    void aVideoShorterThanTwoFramesFailsClearlyAndTheOthersGoOn(@TempDir Path out) throws Exception {
        List<FlowVideoResult> results = extractor(new FlowExtractionOptions(20, false, 2, false))
                .extract(List.of(Path.of("1_frames.mp4"), Path.of("3_frames.mp4"), Path.of("0_frames.mp4")), out,
                        FlowExtractor.Listener.NONE);
        assertThat(results).extracting(FlowVideoResult::failed).containsExactly(true, false, true);
        assertThat(results.get(0).error()).isEqualTo("1_frames.mp4: flow needs at least 2 frames, the video has 1");
        assertThat(results.get(2).error()).isEqualTo("0_frames.mp4: flow needs at least 2 frames, the video has 0");
        assertThat(results.get(1).computed()).isEqualTo(2);
        assertThat(open).hasValue(0);
    }

    @Test
    void anEstimatorsErrorFailsItsVideoByNameAndTheOthersGoOn(@TempDir Path out) throws Exception {
        FlowExtractor failing = new FlowExtractor(video -> new CountingVideos(), () -> new DifferenceEstimator() {
            @Override
            public FlowField estimate(VideoFrame previous, VideoFrame next) {
                if (next.index() == 3) {
                    throw new RuntimeException("OpenCV(4.5.5) error: (-215:Assertion failed) in function 'calc'");
                }
                return super.estimate(previous, next);
            }
        }, "difference", new FlowExtractionOptions(20, false, 2, false));
        List<FlowVideoResult> results = failing.extract(List.of(Path.of("5_frames.mp4"), Path.of("3_frames.mp4")),
                out, FlowExtractor.Listener.NONE);
        assertThat(results.get(0).error()).isEqualTo("5_frames.mp4: OpenCV(4.5.5) error: (-215:Assertion failed) in "
                + "function 'calc'");
        assertThat(results.get(0).computed()).isEqualTo(2);
        assertThat(results.get(1).failed()).isFalse();
        assertThat(open).hasValue(0);
    }

    @Test
    void videosRunInParallelEachEstimatorOnOneThread(@TempDir Path out) throws Exception {
        List<Path> videos = Stream.of("a", "b", "c", "d", "e", "f").map(name -> Path.of(name + "/8_frames.mp4"))
                .toList();
        // Six videos with the same file name would share a folder: give each its own output.
        List<FlowVideoResult> results = new ArrayList<>();
        FlowExtractor extractor = extractor(new FlowExtractionOptions(20, false, 3, false));
        assertThatThrownBy(() -> extractor.extract(videos, out, FlowExtractor.Listener.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("would both write their flow");
        List<Path> distinct = Stream.of("a", "b", "c", "d", "e", "f").map(name -> Path.of("8_frames_" + name + ".mp4"))
                .toList();
        results.addAll(extractor.extract(distinct, out, FlowExtractor.Listener.NONE));

        assertThat(results).extracting(FlowVideoResult::computed).containsOnly(7);
        assertThat(results).extracting(FlowVideoResult::video).containsExactlyElementsOf(distinct);
        assertThat(threadsOfEstimator).hasSize(6);
        assertThat(threadsOfEstimator.values()).allSatisfy(threads -> assertThat(threads).hasSize(1));
        Set<Thread> workers = ConcurrentHashMap.newKeySet();
        threadsOfEstimator.values().forEach(workers::addAll);
        assertThat(workers).hasSizeBetween(2, 3).doesNotContain(Thread.currentThread());
        assertThat(open).hasValue(0);
    }

    /** An extractor over the made-up videos and estimator. */
    FlowExtractor extractor(FlowExtractionOptions options) {
        return new FlowExtractor(video -> new CountingVideos(), () -> new DifferenceEstimator(), "difference",
                options);
    }

    /** Frames whose pixels are their index, as many as the file name says. */
    static final class CountingVideos implements VideoDecoder {

        @Override
        public VideoReader open(Path path) {
            int frames = Integer.parseInt(path.getFileName().toString().split("_")[0]);
            return new VideoReader() {
                @Override
                public VideoMetadata metadata() {
                    return new VideoMetadata(frames, 25, WIDTH, HEIGHT, 0);
                }

                @Override
                public List<VideoFrame> read(int[] indices) {
                    return Arrays.stream(indices).mapToObj(CountingVideos::frame).toList();
                }

                @Override
                public Iterator<VideoFrame> stream(int firstIndex) {
                    return java.util.stream.IntStream.range(firstIndex, frames).mapToObj(CountingVideos::frame)
                            .iterator();
                }

                @Override
                public void close() {
                }
            };
        }

        static VideoFrame frame(int index) {
            byte[] pixels = new byte[WIDTH * HEIGHT];
            Arrays.fill(pixels, (byte) index);
            return new VideoFrame(index, WIDTH, HEIGHT, 1, pixels);
        }
    }

    /** Flow of (b - a, 2 (b - a)) everywhere, recording each call and the threads it is used on. */
    class DifferenceEstimator implements FlowEstimator {

        DifferenceEstimator() {
            open.incrementAndGet();
        }

        @Override
        public FlowField estimate(VideoFrame previous, VideoFrame next) {
            threadsOfEstimator.computeIfAbsent(this, key -> ConcurrentHashMap.newKeySet()).add(Thread.currentThread());
            estimates.add(previous.index() + "->" + next.index());
            float dx = next.index() - previous.index();
            float[] values = new float[2 * WIDTH * HEIGHT];
            Arrays.fill(values, 0, WIDTH * HEIGHT, dx);
            Arrays.fill(values, WIDTH * HEIGHT, values.length, 2 * dx);
            return new FlowField(WIDTH, HEIGHT, values);
        }

        @Override
        public void close() {
            open.decrementAndGet();
            closedOn.add(Thread.currentThread());
        }
    }

    static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    static double meanLevel(Path jpeg) throws IOException {
        byte[] levels = FlowFrameFiles.readGreyJpeg(jpeg);
        double sum = 0;
        for (byte level : levels) {
            sum += level & 0xff;
        }
        return sum / levels.length;
    }
}
