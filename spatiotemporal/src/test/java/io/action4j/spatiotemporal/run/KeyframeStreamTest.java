package io.action4j.spatiotemporal.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.action4j.api.sampling.FrameSelection;
import io.action4j.api.sampling.SamplingRequest;
import io.action4j.api.video.VideoFrame;
import io.action4j.engine.config.KeyframesConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class KeyframeStreamTest {

    /** SampleAVAFrames in test mode: clipLen 4 every 3rd frame around the keyframe, clamped into the video. */
    private static FrameSelection aroundKeyframe(SamplingRequest request, RandomGenerator random) {
        int center = request.keyframeIndex().orElseThrow() + request.startIndex();
        int[] indices = new int[4];
        for (int j = 0; j < 4; j++) {
            int frame = Math.min(Math.max(center - 2 * 3 + j * 3, 0), request.totalFrames() - 1);
            indices[j] = frame + request.startIndex();
        }
        return new FrameSelection(indices, 4, 1);
    }

    private static List<KeyframeStream.ReadyKeyframe> streamFrames(KeyframeStream stream, int frames) {
        List<KeyframeStream.ReadyKeyframe> ready = new ArrayList<>();
        for (int i = 0; i < frames; i++) {
            ready.addAll(stream.accept(new VideoFrame(i, 1, 1, 3, new byte[3])));
        }
        ready.addAll(stream.finish());
        return ready;
    }

    @Test
    void keyframesFallEveryStrideWithTheFramesOfTheirClipsAndFramesHeldStayBounded() {
        // 10 fps, one keyframe a second from 1 s: frames 10, 20, ... of a 10 000-frame video.
        KeyframeStream stream = new KeyframeStream(KeyframesConfig.AVA, KeyframeStreamTest::aroundKeyframe, 10, 0, 7);

        List<KeyframeStream.ReadyKeyframe> ready = streamFrames(stream, 10_000);

        assertThat(ready).hasSize(999);
        KeyframeStream.ReadyKeyframe first = ready.get(0);
        assertThat(first.seconds()).isEqualTo(1.0);
        assertThat(first.keyframe().index()).isEqualTo(10);
        assertThat(first.frames()).extracting(VideoFrame::index).containsExactly(4, 7, 10, 13);
        assertThat(ready.get(998).seconds()).isEqualTo(999.0);
        assertThat(ready.get(998).frames()).extracting(VideoFrame::index).containsExactly(9984, 9987, 9990, 9993);
        assertThat(stream.maxFramesHeld()).isLessThanOrEqualTo(5);
    }

    @Test
    void clipsReachingPastTheEndAreClampedToTheLastFrameAndKeyframesBeyondItDropped() {
        KeyframeStream stream = new KeyframeStream(KeyframesConfig.AVA, KeyframeStreamTest::aroundKeyframe, 10, 1, 7);

        List<KeyframeStream.ReadyKeyframe> ready = streamFrames(stream, 21);

        // Keyframes at positions 10 and 20 of 21 frames; the one at 30 is past the end. The sampler adds the
        // start index twice (as MMAction2 does): position 20 is centre 21, frames 15, 18, 21 -> 20 (the last
        // position), 24 -> 20, then + 1.
        assertThat(ready).extracting(KeyframeStream.ReadyKeyframe::seconds).containsExactly(1.0, 2.0);
        assertThat(ready.get(1).selection().indices()).containsExactly(16, 19, 21, 21);
        assertThat(ready.get(1).frames()).extracting(VideoFrame::index).containsExactly(15, 18, 20, 20);
    }
}
