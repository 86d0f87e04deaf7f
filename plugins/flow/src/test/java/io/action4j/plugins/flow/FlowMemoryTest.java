package io.action4j.plugins.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.action4j.api.flow.FlowEstimator;
import io.action4j.api.video.VideoFrame;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Native memory stays flat over many calls: every {@code Mat} an estimator uses is reused and released, none is
 * left to the garbage collector. At 288x216 a leaked flow field alone is 486 kB, so 250 calls of each estimator
 * with camera-motion compensation on would leak hundreds of MB; the bound below is a tenth of the smallest leak.
 */
class FlowMemoryTest {

    @Test
    void residentMemoryStaysFlatOverManyCallsOfEachEstimator() {
        WarpedFlowTest.Scene scene = WarpedFlowTest.Scene.load();
        VideoFrame first = scene.window(0, 0);
        VideoFrame second = scene.window(WarpedFlowTest.PAN, 1);
        try (FlowEstimator farneback = new FarnebackFactory().create(new FarnebackConfig(0.5, 3, 15, 3, 5, 1.2, false,
                true));
             FlowEstimator dis = new DisFactory().create(new DisConfig("ultrafast", null, null, null, null, null, null,
                     null, null, null, null, true))) {
            for (int call = 0; call < 50; call++) {
                farneback.estimate(first, second);
                dis.estimate(first, second);
            }
            System.gc();
            long settled = residentBytes();
            for (int call = 0; call < 250; call++) {
                farneback.estimate(first, second);
                dis.estimate(second, first);
            }
            System.gc();
            long after = residentBytes();
            System.out.printf("flow memory: resident %.1f MB after warm-up, %.1f MB after 500 more calls%n",
                    settled / 1e6, after / 1e6);
            assertThat(settled).as("resident memory read from /proc").isPositive();
            assertThat(after - settled).as("growth of resident memory over 500 calls").isLessThan(20_000_000L);
        }
    }

    /** VmRSS of this process, from /proc/self/status. */
    static long residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
            throw new AssertionError("no VmRSS line in /proc/self/status");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
