package io.action4j.engine.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.action4j.api.sampling.CentredClips;
import io.action4j.api.video.VideoFrame;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** MMAction2's UntrimmedSampleFrames clips, made one at a time from frames as they arrive. */
class CentredClipStreamTest {

    @Test
    void streamsTheClipsTheWholeVideoSamplerWouldPickForAnyLength() {
        for (int clipLen : new int[] {1, 2, 3, 8}) {
            for (int clipInterval : new int[] {1, 2, 5, 16}) {
                for (int frameInterval : new int[] {1, 2, 4}) {
                    CentredClips clips = new CentredClips(clipLen, clipInterval, frameInterval);
                    for (int frames = 1; frames <= 70; frames++) {
                        for (int startIndex : new int[] {0, 1}) {
                            String setting = String.format("clipLen %d, clipInterval %d, frameInterval %d, %d frames "
                                    + "from index %d", clipLen, clipInterval, frameInterval, frames, startIndex);
                            List<WindowStream.ReadyWindow> streamed = stream(clips, frames, startIndex).clips();

                            int[][] expected = untrimmedSampleFrames(clipLen, clipInterval, frameInterval, frames);
                            if (expected.length == 0) {
                                // No centre inside: one clip, clip 0 clamped into the frames there are.
                                expected = new int[][] {clamped(clipLen, clipInterval, frameInterval, frames, 0)};
                            }
                            assertThat(streamed).as(setting).hasSize(expected.length);
                            for (int k = 0; k < expected.length; k++) {
                                WindowStream.ReadyWindow clip = streamed.get(k);
                                int[] indices = Arrays.stream(expected[k]).map(i -> i + startIndex).toArray();
                                assertThat(clip.index()).isEqualTo(k);
                                assertThat(clip.selection().indices()).as(setting + ", clip " + k).isEqualTo(indices);
                                assertThat(clip.frames()).extracting(VideoFrame::index).as(setting + ", clip " + k)
                                        .containsExactly(Arrays.stream(indices).boxed().toArray(Integer[]::new));
                                for (VideoFrame frame : clip.frames()) {
                                    assertThat(frame.pixels()[0]).isEqualTo(pixelOf(frame.index() - startIndex));
                                }
                                // Clip k stands for frames [k * interval, (k + 1) * interval), the last cut at the end.
                                assertThat(clip.span()).as(setting + ", clip " + k).isEqualTo(new WindowPlan.Span(
                                        k * clipInterval, Math.min((k + 1) * clipInterval, frames)));
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void framesHeldStayBoundedHoweverLongTheVideo() {
        // 8 frames 4 apart centred every 16: a clip spans 29 frames and is handed out when the 16 it stands
        // for have arrived, so at most two clips' frames are under way, and the latest frame.
        CentredClips clips = new CentredClips(8, 16, 4);
        Streamed shorter = stream(clips, 1_600, 0);
        Streamed longer = stream(clips, 64_000, 0);

        assertThat(longer.clips()).hasSize(clips.count(64_000)).hasSize(4_000);
        assertThat(longer.maxHeld()).isEqualTo(shorter.maxHeld()).isLessThanOrEqualTo(2 * 8 + 1);
    }

    @Test
    void aClipIsHandedOutOnceTheFramesItStandsForHaveArrived() {
        // One frame centred every 4 (centres 2, 6, 10): clip 0 stands for frames 0..3, so it waits for frame 3.
        CentredClipStream stream = new CentredClipStream(new CentredClips(1, 4, 1), 0, 0);
        List<String> events = new ArrayList<>();
        for (int position = 0; position < 11; position++) {
            for (WindowStream.ReadyWindow clip : stream.accept(frame(position, 0))) {
                events.add("frame " + position + ": clip " + clip.index() + " " + Arrays.toString(clip.selection().indices()));
            }
        }
        for (WindowStream.ReadyWindow clip : stream.finish()) {
            events.add("end: clip " + clip.index() + " " + Arrays.toString(clip.selection().indices()) + " "
                    + clip.span());
        }

        assertThat(events).containsExactly("frame 3: clip 0 [2]", "frame 7: clip 1 [6]",
                "end: clip 2 [10] Span[start=8, end=11]");
        assertThat(stream.framesHeld()).isZero();
    }

    /** MMAction2 v1.2.0's arithmetic, written as its numpy does it: centres, offsets, clip to [0, N - 1]. */
    private static int[][] untrimmedSampleFrames(int clipLen, int clipInterval, int frameInterval, int totalFrames) {
        List<int[]> clips = new ArrayList<>();
        for (int centre = clipInterval / 2; centre < totalFrames; centre += clipInterval) {
            int[] clip = new int[clipLen];
            int offset = -(clipLen / 2 * frameInterval);
            for (int j = 0; j < clipLen; j++, offset += frameInterval) {
                clip[j] = Math.min(Math.max(centre + offset, 0), totalFrames - 1);
            }
            clips.add(clip);
        }
        return clips.toArray(int[][]::new);
    }

    private static int[] clamped(int clipLen, int clipInterval, int frameInterval, int totalFrames, int clip) {
        int centre = clipInterval / 2 + clip * clipInterval;
        int[] frames = new int[clipLen];
        for (int j = 0; j < clipLen; j++) {
            frames[j] = Math.min(Math.max(centre - clipLen / 2 * frameInterval + j * frameInterval, 0), totalFrames - 1);
        }
        return frames;
    }

    private record Streamed(List<WindowStream.ReadyWindow> clips, int maxHeld) {
    }

    private static Streamed stream(CentredClips clips, int frames, int startIndex) {
        CentredClipStream stream = new CentredClipStream(clips, startIndex, 0);
        List<WindowStream.ReadyWindow> ready = new ArrayList<>();
        for (int position = 0; position < frames; position++) {
            ready.addAll(stream.accept(frame(position, startIndex)));
        }
        ready.addAll(stream.finish());
        return new Streamed(ready, stream.maxFramesHeld());
    }

    /** A 1x1 frame whose value tells where it came from. */
    private static VideoFrame frame(int position, int startIndex) {
        return new VideoFrame(startIndex + position, 1, 1, 3, new byte[] {pixelOf(position), 0, 0});
    }

    private static byte pixelOf(int position) {
        return (byte) (position * 31 + 7);
    }
}
