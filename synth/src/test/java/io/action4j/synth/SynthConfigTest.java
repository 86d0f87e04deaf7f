package io.action4j.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.action4j.api.ConfigValueException;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class SynthConfigTest {

    static SynthConfig config(List<MotionClass> classes, int width, int height, int frames, double difficulty,
                              int train) {
        return new SynthConfig(0, classes, width, height, frames, 25, difficulty, train, 0, 0);
    }

    static void failsOn(String key, String problem, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(ConfigValueException.class)
                .hasMessage(key + ": " + problem)
                .extracting(error -> ((ConfigValueException) error).key()).isEqualTo(key);
    }

    @Test
    void defaultsAreSmallAndHoldEveryClassInDeclarationOrder() {
        SynthConfig defaults = SynthConfig.defaults();

        assertThat(defaults.classes()).extracting(MotionClass::id).containsExactly("move_left", "move_right",
                "move_up", "move_down", "rotate_cw", "rotate_ccw", "grow", "shrink", "still");
        assertThat(List.of(defaults.width(), defaults.height(), defaults.frames())).containsExactly(64, 64, 32);
        assertThat(defaults.fps()).isEqualTo(25);
        assertThat(defaults.totalVideos()).isEqualTo(9 * 60);
        assertThat(defaults.label(MotionClass.STILL)).isEqualTo(8);
    }

    @Test
    void badValuesNameTheirKey() {
        List<MotionClass> one = List.of(MotionClass.GROW);
        failsOn("width", "must be at least 16, got 0", () -> config(one, 0, 64, 8, 0.5, 1));
        failsOn("height", "must be even and at most 1024, got 63", () -> config(one, 64, 63, 8, 0.5, 1));
        failsOn("frames", "must be at least 4, got 1", () -> config(one, 64, 64, 1, 0.5, 1));
        failsOn("difficulty", "must be in [0.0, 1.0], got 1.5", () -> config(one, 64, 64, 8, 1.5, 1));
        failsOn("classes", "must name at least one class", () -> config(List.of(), 64, 64, 8, 0.5, 1));
        failsOn("classes", "must not repeat a class, got [grow, grow]",
                () -> config(List.of(MotionClass.GROW, MotionClass.GROW), 64, 64, 8, 0.5, 1));
        failsOn("trainPerClass", "trainPerClass, valPerClass and testPerClass are all 0: nothing to generate",
                () -> config(one, 64, 64, 8, 0.5, 0));
        failsOn("valPerClass", "must be at least 0, got -1",
                () -> new SynthConfig(0, one, 64, 64, 8, 25, 0.5, 1, -1, 0));
        failsOn("fps", "must be in [1.0, 240.0], got 0.0", () -> new SynthConfig(0, one, 64, 64, 8, 0, 0.5, 1, 0, 0));
    }

    @Test
    void classListsParseIdsAndSetNamesAndRejectUnknownClasses() {
        assertThat(MotionClass.parseList(" rotate_ccw, move_up ")).containsExactly(MotionClass.ROTATE_CCW,
                MotionClass.MOVE_UP);
        assertThat(MotionClass.parseList("scale")).containsExactly(MotionClass.GROW, MotionClass.SHRINK,
                MotionClass.STILL);
        assertThat(MotionClass.parseList("all")).hasSize(9);
        failsOn("classes", "unknown class 'spin'; known: move_left,move_right,move_up,move_down,rotate_cw,rotate_ccw,"
                + "grow,shrink,still", () -> MotionClass.parseList("move_left,spin"));
        failsOn("classes", "empty class name in 'grow,,shrink'", () -> MotionClass.parseList("grow,,shrink"));
    }

    @Test
    void difficultyIsANameOrANumberInRange() {
        assertThat(SynthConfig.parseDifficulty("Easy")).isEqualTo(0.2);
        assertThat(SynthConfig.parseDifficulty("hard")).isEqualTo(0.8);
        assertThat(SynthConfig.parseDifficulty("0.35")).isEqualTo(0.35);
        failsOn("difficulty", "must be easy, medium, hard or a number in [0, 1], got 'extreme'",
                () -> SynthConfig.parseDifficulty("extreme"));
        failsOn("difficulty", "must be in [0.0, 1.0], got -0.1", () -> SynthConfig.parseDifficulty("-0.1"));
    }
}
