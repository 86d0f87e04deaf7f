package io.action4j.plugins.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.action4j.api.sampling.FrameSelection;
import io.action4j.api.sampling.SamplingRequest;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

class SlidingWindowsTest {

    private static final int ONE_HOUR_AT_30_FPS = 3600 * 30;

    @Test
    void oneHourVideoGivesOneClipPerWindow() {
        // (108000 - 64) / 32 + 1 = 3374 windows, the last ending exactly at the last frame.
        FrameSelection selection = sample(new SlidingWindowsConfig(64, 32, 16, 4, "pad"), ONE_HOUR_AT_30_FPS);
        assertThat(selection.numClips()).isEqualTo(3374);
        assertThat(selection.clipLen()).isEqualTo(16);
        int[] indices = selection.indices();
        // Last window starts at 107936; its clip spans 61 frames, so it starts 1 frame in; start index 1.
        assertThat(indices[indices.length - 1]).isEqualTo(107_936 + 1 + 15 * 4 + 1);
    }

    @Test
    void tailOptionsOnAnHourAndOneFrame() {
        int frames = ONE_HOUR_AT_30_FPS + 1;
        assertThat(sample(new SlidingWindowsConfig(64, 32, 16, 4, "pad"), frames).numClips()).isEqualTo(3375);
        assertThat(sample(new SlidingWindowsConfig(64, 32, 16, 4, "drop"), frames).numClips()).isEqualTo(3374);
        FrameSelection shifted = sample(new SlidingWindowsConfig(64, 32, 16, 4, "shift"), frames);
        assertThat(shifted.numClips()).isEqualTo(3375);
        // The shifted window starts at 108001 - 64 = 107937; its clip 1 frame in; start index 1.
        assertThat(shifted.indices()[3374 * 16]).isEqualTo(107_937 + 1 + 1);
    }

    @Test
    void allocatesNothingPerFrame() {
        com.sun.management.ThreadMXBean threads = allocationCounter();
        SlidingWindowsSampler sampler = new SlidingWindowsSampler(new SlidingWindowsConfig(300, 300, 1, 1, "pad"));
        SamplingRequest request = SamplingRequest.of(ONE_HOUR_AT_30_FPS, 30);
        sampler.sample(request, ScriptedRandom.none()); // warm up class loading

        long thread = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(thread);
        FrameSelection selection = sampler.sample(request, ScriptedRandom.none());
        long allocated = threads.getThreadAllocatedBytes(thread) - before;

        assertThat(selection.numClips()).isEqualTo(360);
        // 360 ints, copied once by FrameSelection: a few KiB. One int per frame would be 432 KB.
        assertThat(allocated).isLessThan(64 * 1024);
    }

    private static FrameSelection sample(SlidingWindowsConfig config, int frames) {
        return new SlidingWindowsSampler(config).sample(new SamplingRequest(frames, 30, 1,
                java.util.OptionalInt.empty()), ScriptedRandom.none());
    }

    private static com.sun.management.ThreadMXBean allocationCounter() {
        var bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "no allocation counter on this JVM");
        var threads = (com.sun.management.ThreadMXBean) bean;
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled());
        return threads;
    }
}
