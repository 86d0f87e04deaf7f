package io.action4j.spatiotemporal.track;

import static org.assertj.core.api.Assertions.assertThat;

import io.action4j.api.detection.NormalizedBox;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ActorTrackerTest {

    private static final NormalizedBox LEFT = new NormalizedBox(0.1f, 0.1f, 0.4f, 0.6f);
    private static final NormalizedBox RIGHT = new NormalizedBox(0.5f, 0.2f, 0.8f, 0.9f);
    private static final NormalizedBox RIGHT_MOVED = new NormalizedBox(0.55f, 0.2f, 0.85f, 0.9f);

    @Test
    void overlappingBoxesContinueTheirTracksAndTheBestOverlapWinsAContest() {
        ActorTracker tracker = new ActorTracker(0.3, 0, 0);
        List<ActorTracker.EndedTrack> ended = new ArrayList<>();

        assertThat(tracker.assign(0, List.of(LEFT, RIGHT), ended)).containsExactly(1, 2);
        // Both new boxes overlap track 2 somewhat; the closer one continues it, the other starts track 3.
        NormalizedBox between = new NormalizedBox(0.35f, 0.2f, 0.65f, 0.9f);
        assertThat(tracker.assign(1, List.of(between, RIGHT_MOVED), ended)).containsExactly(3, 2);
        assertThat(ended).as("track 1 was missed once; maxMissed 0 ends it").isEmpty();
        assertThat(tracker.assign(2, List.of(RIGHT_MOVED), ended)).containsExactly(2);
        assertThat(ended).containsExactly(new ActorTracker.EndedTrack(1, 0));
    }

    @Test
    void aFastPersonWhoseBoxesNeverOverlapIsFollowedByTheirMoveAndANeighbourKeepsTheirOwnTrack() {
        List<ActorTracker.EndedTrack> ended = new ArrayList<>();
        ActorTracker byOverlap = new ActorTracker(0.3, 0, 0);
        ActorTracker byMove = new ActorTracker(0.3, 1.5, 0);
        NormalizedBox still = new NormalizedBox(0.8f, 0.8f, 0.9f, 0.9f);
        int[] overlapIds = new int[4];
        int[] moveIds = new int[4];
        int[] neighbourIds = new int[4];
        for (int k = 0; k < 4; k++) {
            // 0.1 wide, 0.15 to the right each keyframe: consecutive boxes do not overlap at all.
            NormalizedBox runner = new NormalizedBox(0.05f + 0.15f * k, 0.4f, 0.15f + 0.15f * k, 0.5f);
            overlapIds[k] = byOverlap.assign(k, List.of(runner, still), ended)[0];
            int[] ids = byMove.assign(k, List.of(runner, still), ended);
            moveIds[k] = ids[0];
            neighbourIds[k] = ids[1];
        }
        assertThat(overlapIds).as("overlap alone loses the runner every keyframe").doesNotHaveDuplicates();
        assertThat(moveIds).containsOnly(1);
        assertThat(neighbourIds).containsOnly(2);
    }

    @Test
    void aTrackSurvivesAsManyMissedKeyframesAsAllowed() {
        ActorTracker tracker = new ActorTracker(0.3, 0, 2);
        List<ActorTracker.EndedTrack> ended = new ArrayList<>();

        tracker.assign(0, List.of(LEFT), ended);
        tracker.assign(1, List.of(), ended);
        tracker.assign(2, List.of(), ended);
        assertThat(tracker.assign(3, List.of(LEFT), ended)).containsExactly(1);
        tracker.assign(7, List.of(), ended);
        assertThat(ended).containsExactly(new ActorTracker.EndedTrack(1, 3));
        assertThat(tracker.assign(8, List.of(LEFT), ended)).containsExactly(2);
        assertThat(tracker.finish()).containsExactly(new ActorTracker.EndedTrack(2, 8));
    }

    @Test
    void runsOfAnActionAboveTheThresholdBecomeSegmentsHalfAStrideWide() {
        ActionSegmenter segmenter = new ActionSegmenter(0.5, 1.0, 10.0, id -> "a" + id);
        List<PersonSegment> ended = new ArrayList<>();

        segmenter.observe(1, 0.0, Map.of(1, 0.9f, 2, 0.1f), ended);
        segmenter.observe(1, 1.0, Map.of(1, 0.7f, 2, 0.6f), ended);
        segmenter.observe(1, 2.0, Map.of(1, 0.2f, 2, 0.8f), ended);
        assertThat(ended).containsExactly(new PersonSegment(1, 1, "a1", 0.0, 1.5, ((double) 0.9f + 0.7f) / 2, 2));
        segmenter.observe(1, 9.8, Map.of(2, 0.6f), ended);
        segmenter.endTrack(1, ended);
        assertThat(ended.get(1).actionId()).isEqualTo(2);
        assertThat(ended.get(1).startSeconds()).isEqualTo(0.5);
        assertThat(ended.get(1).endSeconds()).as("clamped to the video").isEqualTo(10.0);
        assertThat(ended.get(1).keyframes()).isEqualTo(3);
        assertThat(segmenter.finish()).isEmpty();
    }
}
