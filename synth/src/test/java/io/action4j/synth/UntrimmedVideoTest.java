package io.action4j.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class UntrimmedVideoTest {

    private static final SynthConfig CONFIG = new SynthConfig(7, MotionClass.parseList("all"), 32, 32, 32, 25, 0.1, 1, 0, 0);
    private static final int[] REST = {25, 75};
    private static final int[] ACTION = {15, 32};

    private static UntrimmedVideo video(int index) {
        return UntrimmedVideo.of(CONFIG, 750, REST, ACTION, Split.TRAIN, index);
    }

    @Test
    void theSameSettingsGiveTheSameSegmentsAndPixels() {
        UntrimmedVideo first = video(3);
        UntrimmedVideo again = video(3);

        assertThat(again.actions()).isEqualTo(first.actions());
        assertThat(again.renderer().render(400)).isEqualTo(first.renderer().render(400));
        assertThat(video(4).actions()).isNotEqualTo(first.actions());
        assertThat(first.name()).isEqualTo("v_train_0003");
    }

    @Test
    void actionsAreMovingClassesSeparatedByRestsInsideTheVideo() {
        for (int index = 0; index < 10; index++) {
            List<UntrimmedVideo.ActionSegment> actions = video(index).actions();
            assertThat(actions).hasSizeGreaterThan(5);
            int previousEnd = 0;
            for (UntrimmedVideo.ActionSegment action : actions) {
                assertThat(action.motion()).isNotEqualTo(MotionClass.STILL);
                assertThat(action.startFrame() - previousEnd).isBetween(REST[0], REST[1]);
                assertThat(action.endFrame() - action.startFrame()).isBetween(ACTION[0], ACTION[1]);
                assertThat(action.endFrame()).isLessThanOrEqualTo(750);
                previousEnd = action.endFrame();
            }
        }
    }

    @Test
    void theObjectMovesOnlyDuringActionsAndStaysInsideTheFrame() {
        UntrimmedVideo video = video(1);
        UntrimmedVideo.ActionSegment action = video.actions().get(0);
        Sprite beforeStart = video.objectAt(action.startFrame() - 10);

        assertThat(video.objectAt(action.startFrame())).isEqualTo(beforeStart);
        assertThat(video.objectAt(action.endFrame() - 1)).isNotEqualTo(beforeStart);
        assertThat(video.objectAt(action.endFrame() + 5)).isEqualTo(video.objectAt(action.endFrame()));
        for (int t = 0; t < video.frames(); t += 5) {
            Sprite object = video.objectAt(t);
            assertThat(object.centreX()).isBetween(32 * 0.2 - 1e-9, 32 * 0.8 + 1e-9);
            assertThat(object.centreY()).isBetween(32 * 0.2 - 1e-9, 32 * 0.8 + 1e-9);
            Sprite drifter = video.drifterAt(t);
            assertThat(drifter.centreX()).isBetween(drifter.radius() - 1e-9, 32 - drifter.radius() + 1e-9);
        }
    }
}
