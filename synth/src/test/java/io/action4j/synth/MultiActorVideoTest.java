package io.action4j.synth;

import static org.assertj.core.api.Assertions.assertThat;

import io.action4j.synth.MotionClass.Quantity;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MultiActorVideoTest {

    private static final int WIDTH = 96;
    private static final int HEIGHT = 72;
    private static final double FPS = 10;
    private static final SynthConfig CONFIG = new SynthConfig(11, MotionClass.all(), WIDTH, HEIGHT, 16, FPS, 0.6, 1, 0,
            0);

    private static MultiActorVideo video(int index) {
        return MultiActorVideo.of(CONFIG, 12, 2, 4, Split.TRAIN, index);
    }

    @Test
    void theSameSettingsGiveTheSameActorsBoxesAndPixels() {
        MultiActorVideo first = video(3);
        MultiActorVideo again = video(3);

        assertThat(again.keyframes()).isEqualTo(first.keyframes());
        assertThat(again.renderer().render(57)).isEqualTo(first.renderer().render(57));
        assertThat(video(4).keyframes()).isNotEqualTo(first.keyframes());
        assertThat(MultiActorVideo.of(CONFIG, 12, 2, 4, Split.VAL, 3).keyframes()).isNotEqualTo(first.keyframes());
        assertThat(first.name()).isEqualTo("train_0003");
        assertThat(first.frames()).isEqualTo(120);
    }

    @Test
    void everyActorHasOneMovementAndAtMostOneSecondaryAtEachWholeSecond() {
        for (int index = 0; index < 10; index++) {
            MultiActorVideo video = video(index);
            List<MultiActorVideo.KeyframePerson> people = video.keyframes();

            assertThat(video.actorCount()).isBetween(2, 4);
            assertThat(people).hasSize(11 * video.actorCount());
            assertThat(people).extracting(MultiActorVideo.KeyframePerson::second).containsOnly(1, 2, 3, 4, 5, 6, 7, 8,
                    9, 10, 11);
            assertThat(people).allSatisfy(person -> assertThat(person.movement()).isNotNull());
        }
    }

    /** The labels, across many videos, use every movement and secondary motion, resting and acting alike. */
    @Test
    void allLabelsOccur() {
        Set<Object> seen = new HashSet<>();
        int withSecondary = 0;
        int total = 0;
        for (int index = 0; index < 20; index++) {
            for (MultiActorVideo.KeyframePerson person : video(index).keyframes()) {
                seen.add(person.movement());
                if (person.secondary() != null) {
                    seen.add(person.secondary());
                    withSecondary++;
                }
                total++;
            }
        }
        assertThat(seen).hasSize(MotionClass.values().length + SecondaryMotion.values().length);
        assertThat(withSecondary / (double) total).isBetween(0.2, 0.7);
    }

    /** Boxes come from geometry that keeps the whole outline (margin for the camera included) inside the frame. */
    @Test
    void boxesLieInsideTheFrameBeforeAnyClipping() {
        for (int index = 0; index < 10; index++) {
            MultiActorVideo video = video(index);
            Scene scene = video.scene();
            for (int t = 0; t < video.frames(); t++) {
                for (Sprite sprite : video.spritesAt(t)) {
                    FrameBox box = sprite.bounds(scene.cameraX()[t], scene.cameraY()[t], WIDTH, HEIGHT);
                    assertThat(box.insideFrame()).as("video %d frame %d: %s", index, t, box).isTrue();
                }
            }
        }
    }

    /** Each box is tight around the pixels its actor covers, as the renderer paints it at the keyframe. */
    @Test
    void boxesAreTightAroundTheRenderedActor() {
        for (int index = 0; index < 5; index++) {
            MultiActorVideo video = video(index);
            Scene scene = video.scene();
            for (MultiActorVideo.KeyframePerson person : video.keyframes()) {
                int frame = video.keyframeFrame(person.second());
                float[] coverage = new float[WIDTH * HEIGHT];
                Sprite sprite = video.spritesAt(frame).get(person.person());
                sprite.paint(new byte[WIDTH * HEIGHT * 3], WIDTH, HEIGHT, scene.cameraX()[frame], scene.cameraY()[frame],
                        coverage);
                int[] covered = coveredPixels(coverage, 0);
                FrameBox box = person.box();
                String what = video.name() + " " + person;
                // A pixel counts as covered when one of its 2x2 subsamples (at 0.25 and 0.75) is inside the
                // outline: the box reaches at least to that subsample, and less than a pixel past the covered ones
                // (a sharp corner may slip between subsamples).
                assertThat(box.x1() * WIDTH).as(what).isBetween(covered[0] - 0.75, covered[0] + 0.75);
                assertThat(box.y1() * HEIGHT).as(what).isBetween(covered[1] - 0.75, covered[1] + 0.75);
                assertThat(box.x2() * WIDTH).as(what).isBetween(covered[2] + 0.25, covered[2] + 1.75);
                assertThat(box.y2() * HEIGHT).as(what).isBetween(covered[3] + 0.25, covered[3] + 1.75);
            }
        }
    }

    /** A keyframe's pixels differ from the same scene's without actors only inside the actors' boxes. */
    @Test
    void actorsDrawNothingOutsideTheirBoxes() {
        MultiActorVideo video = video(2);
        SceneRenderer withActors = video.renderer();
        SceneRenderer withoutActors = SceneRenderer.withObjects(video.scene(), t -> List.of(), video::drifterAt);
        for (int second = 1; second < video.seconds(); second++) {
            int frame = video.keyframeFrame(second);
            byte[] with = withActors.render(frame);
            byte[] without = withoutActors.render(frame);
            int keyframe = second;
            List<FrameBox> boxes = video.keyframes().stream().filter(person -> person.second() == keyframe)
                    .map(MultiActorVideo.KeyframePerson::box).toList();
            int changed = 0;
            for (int pixel = 0; pixel < WIDTH * HEIGHT; pixel++) {
                if (with[3 * pixel] != without[3 * pixel] || with[3 * pixel + 1] != without[3 * pixel + 1]
                        || with[3 * pixel + 2] != without[3 * pixel + 2]) {
                    double x = pixel % WIDTH + 0.5;
                    double y = pixel / WIDTH + 0.5;
                    assertThat(boxes).as("second %d pixel %.1f,%.1f", second, x, y).anySatisfy(box -> {
                        assertThat(x).isBetween(box.x1() * WIDTH - 0.5, box.x2() * WIDTH + 0.5);
                        assertThat(y).isBetween(box.y1() * HEIGHT - 0.5, box.y2() * HEIGHT + 0.5);
                    });
                    changed++;
                }
            }
            assertThat(changed).isPositive();
        }
    }

    /** A movement label changes its quantity the right way around the keyframe, and nothing else. */
    @Test
    void labelsMatchWhatTheActorDoesAroundTheKeyframe() {
        int halfSecond = (int) (FPS / 2) - 1;
        for (int index = 0; index < 10; index++) {
            MultiActorVideo video = video(index);
            for (MultiActorVideo.KeyframePerson person : video.keyframes()) {
                Actor actor = video.actors().get(person.person());
                int frame = video.keyframeFrame(person.second());
                ActorPose before = actor.poseAt(frame - halfSecond);
                ActorPose after = actor.poseAt(frame + halfSecond);
                double[] change = {after.x() - before.x(), after.y() - before.y(), after.angle() - before.angle(),
                    after.logRadius() - before.logRadius()};
                Quantity moving = person.movement().moving();
                for (Quantity quantity : Quantity.values()) {
                    double expected = quantity == moving ? person.movement().direction() : 0;
                    assertThat(Math.signum(change[quantity.ordinal()])).as("%s %s %s", video.name(), person, quantity)
                            .isEqualTo(expected);
                }
                Sprite early = actor.spriteAt(frame - 2);
                Sprite late = actor.spriteAt(frame + 2);
                boolean recoloured = early.colour1() != late.colour1() || early.colour2() != late.colour2();
                boolean wobbling = Math.abs(actor.spriteAt(frame).angle() - actor.poseAt(frame).angle()) > 1e-9
                        || Math.abs(early.angle() - actor.poseAt(frame - 2).angle()) > 1e-9;
                assertThat(recoloured).as("%s %s pulses", video.name(), person)
                        .isEqualTo(person.secondary() == SecondaryMotion.PULSE);
                assertThat(wobbling).as("%s %s wobbles", video.name(), person)
                        .isEqualTo(person.secondary() == SecondaryMotion.WOBBLE);
            }
        }
    }

    @Test
    void theLabelMapNumbersMovementsThenSecondaryMotionsFromOne() {
        ActionLabelMap all = ActionLabelMap.of(MotionClass.all());
        ActionLabelMap some = ActionLabelMap.of(List.of(MotionClass.GROW, MotionClass.MOVE_LEFT));

        assertThat(all.names()).containsExactly("move_left", "move_right", "move_up", "move_down", "rotate_cw",
                "rotate_ccw", "grow", "shrink", "still", "pulse", "wobble");
        assertThat(all.id(MotionClass.MOVE_LEFT)).isEqualTo(1);
        assertThat(all.id(SecondaryMotion.WOBBLE)).isEqualTo(11);
        assertThat(some.names()).containsExactly("grow", "move_left", "still", "pulse", "wobble");
        assertThat(some.pbtxt()).startsWith("item {\n  name: \"grow\"\n  id: 1\n}\nitem {\n  name: \"move_left\"\n");
    }

    /** {left, top, right, bottom} of the pixels with coverage above {@code threshold}. */
    static int[] coveredPixels(float[] coverage, float threshold) {
        int[] bounds = {Integer.MAX_VALUE, Integer.MAX_VALUE, -1, -1};
        for (int i = 0; i < coverage.length; i++) {
            if (coverage[i] > threshold) {
                int x = i % WIDTH;
                int y = i / WIDTH;
                bounds[0] = Math.min(bounds[0], x);
                bounds[1] = Math.min(bounds[1], y);
                bounds[2] = Math.max(bounds[2], x);
                bounds[3] = Math.max(bounds[3], y);
            }
        }
        return bounds;
    }
}
