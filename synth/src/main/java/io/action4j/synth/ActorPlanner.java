package io.action4j.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws the actors of one multi-actor video: each one's look, speeds and start, then its movements
 * (rests of {@code still} between actions) and secondary motions. Every span begins and ends half
 * way between two whole seconds, so a keyframe (on a whole second) always sits at least half a
 * second inside the actions it is labelled with. Actions are chosen so that the actor stays inside
 * the frame, and, where possible, so that it overlaps the actors drawn before it only a little.
 */
final class ActorPlanner {

    /** An actor's radius at its start, as a fraction of the frame's shorter side. */
    static final double MIN_START_RADIUS = 0.07;
    static final double MAX_START_RADIUS = 0.13;
    /** Growing and shrinking stay within these radii (fractions of the shorter side). */
    static final double MIN_RADIUS = 0.045;
    static final double MAX_RADIUS = 0.2;
    /** Seconds an action lasts, a rest between actions lasts, and the first rest lasts (plus half a second). */
    static final int[] ACTION_SECONDS = {2, 4};
    static final int[] REST_SECONDS = {1, 3};
    static final int[] FIRST_REST_SECONDS = {0, 2};
    /** Seconds a secondary motion lasts, and the gap before each (the first: plus half a second). */
    static final int[] SECONDARY_SECONDS = {2, 3};
    static final int[] SECONDARY_GAP_SECONDS = {1, 4};
    /** Actors may overlap: up to this IoU of the squares around them, or more when nothing else fits. */
    static final double MAX_OVERLAP = 0.2;
    /** Overlap is checked this many times a second along a candidate action. */
    private static final int CHECKS_PER_SECOND = 5;
    private static final double TWO_PI = 2 * Math.PI;

    private final SplittableRandom random;
    private final int width;
    private final int height;
    private final double side;
    private final double fps;
    private final int frames;
    private final int margin;
    private final int background;
    private final List<MotionClass> moving;

    /**
     * @param moving the movements actors choose from besides {@code still}
     */
    ActorPlanner(SplittableRandom random, Scene scene, double fps, List<MotionClass> moving) {
        this.random = random;
        this.width = scene.width();
        this.height = scene.height();
        this.side = Math.min(width, height);
        this.fps = fps;
        this.frames = scene.frames();
        // The camera's jitter must not push an actor's box out of the frame.
        this.margin = scene.jitter() + 1;
        this.background = scene.backgroundColour();
        this.moving = List.copyOf(moving);
    }

    List<Actor> plan(int count) {
        List<Actor> actors = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            actors.add(planOne(actors));
        }
        return List.copyOf(actors);
    }

    private Actor planOne(List<Actor> others) {
        // Look and speeds, drawn in the same order whatever the actor will do.
        Shape shape = Shape.values()[random.nextInt(Shape.values().length)];
        Texture texture = Texture.OBJECT[random.nextInt(Texture.OBJECT.length)];
        double textureFrequency = random.nextDouble(0.8, 1.6);
        double textureAngle = random.nextDouble(TWO_PI);
        int colour1 = Scene.contrasting(random, background, -1);
        int colour2 = Scene.contrasting(random, background, colour1);
        double brightness = random.nextDouble(0.8, 1.2);
        // Per second: 6-10% of the frame's shorter side, a sixth to a quarter of a turn, the radius by 8-15%.
        ActorPose.ActorRates rates = new ActorPose.ActorRates(side * random.nextDouble(0.06, 0.1) / fps,
                random.nextDouble(1.0, 1.8) / fps, random.nextDouble(0.08, 0.14) / fps);
        double logRadius = random.nextDouble(Math.log(MIN_START_RADIUS * side), Math.log(MAX_START_RADIUS * side));
        double angle = random.nextDouble(TWO_PI);
        Sprite look = new Sprite(shape, 0, 0, 1, 0, texture, textureFrequency, textureAngle, colour1, colour2);

        ActorPose start = placed(shape.reach(), logRadius, angle, others);
        List<ActionSpan<MotionClass>> movements = movements(shape.reach(), start, rates, others);
        return new Actor(look, brightness, rates, fps, start, movements, secondaries());
    }

    /** A start inside the frame, overlapping the others as little as a few tries find. */
    private ActorPose placed(double reach, double logRadius, double angle, List<Actor> others) {
        double extent = reach * Math.exp(logRadius) + margin;
        ActorPose best = null;
        double bestOverlap = Double.POSITIVE_INFINITY;
        for (int attempt = 0; attempt < 50 && bestOverlap > MAX_OVERLAP; attempt++) {
            ActorPose pose = new ActorPose(random.nextDouble(extent, width - extent),
                    random.nextDouble(extent, height - extent), angle, logRadius);
            double overlap = overlap(reach, pose, others, 0);
            if (overlap < bestOverlap) {
                best = pose;
                bestOverlap = overlap;
            }
        }
        return best;
    }

    private List<ActionSpan<MotionClass>> movements(double reach, ActorPose start, ActorPose.ActorRates rates,
                                                    List<Actor> others) {
        List<ActionSpan<MotionClass>> spans = new ArrayList<>();
        ActorPose pose = start;
        int startFrame = 0;
        int endSecond = between(FIRST_REST_SECONDS);
        boolean preferRest = true;
        while (startFrame < frames) {
            int endFrame = boundary(endSecond);
            MotionClass chosen = choose(reach, pose, rates, startFrame, endFrame, others, preferRest);
            ActionSpan<MotionClass> last = spans.isEmpty() ? null : spans.get(spans.size() - 1);
            if (last != null && last.action() == MotionClass.STILL && chosen == MotionClass.STILL) {
                spans.set(spans.size() - 1, new ActionSpan<>(last.startFrame(), endFrame, chosen));
            } else {
                spans.add(new ActionSpan<>(startFrame, endFrame, chosen));
            }
            pose = pose.after(chosen, endFrame - startFrame, rates);
            preferRest = chosen != MotionClass.STILL;
            startFrame = endFrame;
            endSecond += between(preferRest ? REST_SECONDS : ACTION_SECONDS);
        }
        return spans;
    }

    /**
     * The movement for frames [startFrame, endFrame): a rest or an action as preferred, among those
     * that keep the actor inside the frame and overlapping the others by at most {@link #MAX_OVERLAP};
     * when none does, the one that overlaps least ({@code still} always stays inside).
     */
    private MotionClass choose(double reach, ActorPose pose, ActorPose.ActorRates rates, int startFrame,
                               int endFrame, List<Actor> others, boolean preferRest) {
        List<MotionClass> candidates = new ArrayList<>(moving);
        shuffle(candidates);
        if (preferRest) {
            candidates.add(0, MotionClass.STILL);
        } else {
            candidates.add(MotionClass.STILL);
        }
        MotionClass best = MotionClass.STILL;
        double bestOverlap = Double.POSITIVE_INFINITY;
        for (MotionClass candidate : candidates) {
            if (!inside(reach, pose.after(candidate, endFrame - startFrame, rates))) {
                continue;
            }
            double overlap = 0;
            int step = Math.max(1, (int) Math.round(fps / CHECKS_PER_SECOND));
            for (int t = startFrame; t < endFrame; t += step) {
                overlap = Math.max(overlap, overlap(reach, pose.after(candidate, t - startFrame, rates), others, t));
            }
            int last = endFrame - 1;
            overlap = Math.max(overlap, overlap(reach, pose.after(candidate, last - startFrame, rates), others, last));
            if (overlap <= MAX_OVERLAP) {
                return candidate;
            }
            if (overlap < bestOverlap) {
                best = candidate;
                bestOverlap = overlap;
            }
        }
        return best;
    }

    /** Secondary motions: gaps and spans of whole seconds, each a pulse or a wobble. */
    private List<ActionSpan<SecondaryMotion>> secondaries() {
        List<ActionSpan<SecondaryMotion>> spans = new ArrayList<>();
        int startSecond = between(SECONDARY_GAP_SECONDS) - 1;
        while (boundary(startSecond) < frames) {
            int endSecond = startSecond + between(SECONDARY_SECONDS);
            SecondaryMotion motion = SecondaryMotion.values()[random.nextInt(SecondaryMotion.values().length)];
            spans.add(new ActionSpan<>(boundary(startSecond), boundary(endSecond), motion));
            startSecond = endSecond + between(SECONDARY_GAP_SECONDS);
        }
        return spans;
    }

    /** The frame half a second after whole second {@code second}, or the video's end if that is sooner. */
    private int boundary(int second) {
        return (int) Math.min(frames, Math.round((second + 0.5) * fps));
    }

    /** Whether the actor's circle (whatever its angle) stays in the frame, margin included, at its size limits. */
    private boolean inside(double reach, ActorPose pose) {
        double radius = pose.radius();
        double extent = reach * radius + margin;
        return pose.x() >= extent && pose.x() <= width - extent && pose.y() >= extent && pose.y() <= height - extent
                && radius >= MIN_RADIUS * side && radius <= MAX_RADIUS * side;
    }

    /** The largest IoU between the squares around this actor and around each other actor, in frame t. */
    private static double overlap(double reach, ActorPose pose, List<Actor> others, int t) {
        FrameBox box = square(pose, reach);
        double largest = 0;
        for (Actor other : others) {
            largest = Math.max(largest, box.iou(square(other.poseAt(t), other.reach())));
        }
        return largest;
    }

    private static FrameBox square(ActorPose pose, double reach) {
        double half = reach * pose.radius();
        return new FrameBox(pose.x() - half, pose.y() - half, pose.x() + half, pose.y() + half);
    }

    private int between(int[] range) {
        return random.nextInt(range[0], range[1] + 1);
    }

    private void shuffle(List<MotionClass> list) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            list.set(j, list.set(i, list.get(j)));
        }
    }
}
