package io.action4j.plugins.tfjs.nanodet;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.action4j.api.detection.Keyframe;
import io.action4j.api.detection.PersonBoxSource;
import io.action4j.api.video.VideoFrame;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Frames per second of the whole detector (resize, normalization, graph, decoding, NMS) on vtest.avi's frame 100,
 * for benchmarks/nanodet.sh; runs only with {@code -Dnanodet.benchmark=RUNS}.
 */
class NanoDetSpeedTest {

    private static final int WARM_UP = 5;

    @Test
    void detectorFramesPerSecond() throws IOException {
        String runsProperty = System.getProperty("nanodet.benchmark");
        assumeTrue(runsProperty != null, "a benchmark: run with -Dnanodet.benchmark=RUNS (benchmarks/nanodet.sh)");
        int runs = Integer.parseInt(runsProperty);
        VideoFrame frame;
        try (InputStream rgb = getClass().getResourceAsStream("/nanodet/vtest_frame100_384x288.rgb")) {
            frame = new VideoFrame(100, 384, 288, 3, rgb.readAllBytes());
        }
        NanoDetConfig config = new NanoDetConfig(NanoDetModel.folderOrSkip().toString(), 0.35, 0.5, 416, null);
        long loadStart = System.nanoTime();
        try (PersonBoxSource detector = new NanoDetPersonDetectorFactory().create(config)) {
            double loadMillis = (System.nanoTime() - loadStart) / 1e6;
            Keyframe keyframe = new Keyframe("vtest", 10.0, frame);
            int people = 0;
            for (int i = 0; i < WARM_UP; i++) {
                people = detector.boxes(keyframe).size();
            }
            double[] millis = new double[runs];
            for (int i = 0; i < runs; i++) {
                long start = System.nanoTime();
                detector.boxes(keyframe);
                millis[i] = (System.nanoTime() - start) / 1e6;
            }
            Arrays.sort(millis);
            double median = millis[runs / 2];
            System.out.printf("action4j nanodet (SameDiff): load %.0f ms, %d warm-up + %d runs, median %.1f ms "
                    + "(min %.1f, max %.1f) = %.2f frames/s, %d people%n", loadMillis, WARM_UP, runs, median,
                    millis[0], millis[runs - 1], 1000 / median, people);
        }
    }
}
