package io.action4j.synth;

import io.action4j.synth.MotionClass.Quantity;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Everything random about one video, drawn once from its seed. Every parameter is drawn for every
 * class, in the same order, from the same distributions: appearance, clutter, noise and camera
 * jitter never depend on the class, and neither does what a single frame shows of the object.
 *
 * <p>How the motion stays invisible in a single frame: each of the object's quantities (x, y,
 * angle, log radius) follows {@code base + amplitude * phase}. The quantity the class moves takes
 * {@code phase = ±(t / (frames - 1) - 1/2)}, symmetric about the middle frame; every other quantity
 * is frozen at the phase of one frame picked uniformly at random. Over a video's frames, a moving
 * quantity therefore takes the same values as a frozen one does over videos, and the bases are
 * drawn symmetric about the frame's centre: pooled over frames, position, angle and size have the
 * same distribution in every class. Only the order of the frames tells the classes apart (a video
 * played backwards is a video of the opposite class).
 */
record Scene(MotionClass motion, int width, int height, int frames, Sprite object, int backgroundColour,
             List<Grating> gratings, List<Sprite> clutter, Sprite drifter, double drifterVelocityX,
             double drifterVelocityY, double baseX, double baseY, double travel, double baseAngle, double rotation,
             double baseLogRadius, double logRadiusChange, int[] restingFrames, int jitter, int[] cameraX,
             int[] cameraY, double noiseSigma, long noiseSeed) {

    /** Object radius as a fraction of the frame's shorter side, over all frames of all videos. */
    static final double MIN_RADIUS = 0.09;
    static final double MAX_RADIUS = 0.2;
    /** The object's centre stays within this fraction of the frame from each edge. */
    static final double EDGE_MARGIN = 0.2;
    private static final int MAX_CLUTTER = 8;
    private static final int MAX_JITTER = 3;
    private static final double MAX_NOISE_SIGMA = 12;
    private static final double TWO_PI = 2 * Math.PI;

    /** A sinusoidal grating of the background: {@code amplitude[c] * sin(2 pi (fx x + fy y) + phase)}. */
    record Grating(double frequencyX, double frequencyY, double phase, double red, double green, double blue) {
    }

    static Scene sample(SynthConfig config, MotionClass motion, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int width = config.width();
        int height = config.height();
        int frames = config.frames();
        double difficulty = config.difficulty();
        double side = Math.min(width, height);

        // Appearance.
        Shape shape = Shape.values()[random.nextInt(Shape.values().length)];
        Texture texture = Texture.OBJECT[random.nextInt(Texture.OBJECT.length)];
        double textureFrequency = random.nextDouble(0.8, 1.6);
        double textureAngle = random.nextDouble(TWO_PI);
        int background = randomColour(random, 40, 216);
        int colour1 = contrasting(random, background, -1);
        int colour2 = contrasting(random, background, colour1);
        List<Grating> gratings = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            double direction = random.nextDouble(TWO_PI);
            double cycles = random.nextDouble(0.5, 2.5) / side;
            double amplitude = random.nextDouble(8, 24);
            gratings.add(new Grating(cycles * Math.cos(direction), cycles * Math.sin(direction),
                    random.nextDouble(TWO_PI), random.nextDouble(-amplitude, amplitude),
                    random.nextDouble(-amplitude, amplitude), random.nextDouble(-amplitude, amplitude)));
        }

        // Clutter: flat shapes that stay put, and maybe one that drifts in any direction.
        int clutterCount = random.nextInt((int) Math.round(MAX_CLUTTER * difficulty) + 1);
        List<Sprite> clutter = new ArrayList<>();
        for (int i = 0; i < clutterCount; i++) {
            clutter.add(flatSprite(random, random.nextDouble(width), random.nextDouble(height),
                    side * random.nextDouble(0.04, 0.1)));
        }
        Sprite drifter = null;
        double drifterVelocityX = 0;
        double drifterVelocityY = 0;
        if (random.nextDouble() < difficulty) {
            drifter = flatSprite(random, width * random.nextDouble(0.2, 0.8), height * random.nextDouble(0.2, 0.8),
                    side * random.nextDouble(0.05, 0.09));
            double direction = random.nextDouble(TWO_PI);
            double speed = side * lerp(0.45, 0.2, difficulty) * random.nextDouble(0.5, 1.2) / (frames - 1);
            drifterVelocityX = speed * Math.cos(direction);
            drifterVelocityY = speed * Math.sin(direction);
        }

        // Motion amplitudes, drawn whatever the class; harder means smaller.
        double travel = side * lerp(0.45, 0.2, difficulty) * random.nextDouble(0.8, 1.2);
        double baseX = symmetricAboutCentre(random, width, travel);
        double baseY = symmetricAboutCentre(random, height, travel);
        double baseAngle = random.nextDouble(TWO_PI);
        double rotation = lerp(Math.PI, Math.PI / 3, difficulty) * random.nextDouble(0.8, 1.2);
        double logRadiusChange = Math.log(lerp(1.9, 1.35, difficulty) * random.nextDouble(0.9, 1.1));
        double baseLogRadius = random.nextDouble(Math.log(MIN_RADIUS * side) + logRadiusChange / 2,
                Math.log(MAX_RADIUS * side) - logRadiusChange / 2);
        int[] restingFrames = new int[Quantity.values().length];
        for (int i = 0; i < restingFrames.length; i++) {
            restingFrames[i] = random.nextInt(frames);
        }

        // Camera and sensor.
        int jitter = (int) Math.round(MAX_JITTER * difficulty);
        int[] cameraX = new int[frames];
        int[] cameraY = new int[frames];
        for (int t = 0; t < frames; t++) {
            cameraX[t] = random.nextInt(-jitter, jitter + 1);
            cameraY[t] = random.nextInt(-jitter, jitter + 1);
        }
        double noiseSigma = MAX_NOISE_SIGMA * difficulty;
        long noiseSeed = random.nextLong();

        Sprite object = new Sprite(shape, baseX, baseY, Math.exp(baseLogRadius), baseAngle, texture, textureFrequency,
                textureAngle, colour1, colour2);
        return new Scene(motion, width, height, frames, object, background, List.copyOf(gratings), List.copyOf(clutter),
                drifter, drifterVelocityX, drifterVelocityY, baseX, baseY, travel, baseAngle, rotation, baseLogRadius,
                logRadiusChange, restingFrames, jitter, cameraX, cameraY, noiseSigma, noiseSeed);
    }

    /** The object in frame t, in scene coordinates (before the camera's shift). */
    Sprite objectAt(int t) {
        return object.at(baseX + travel * phase(Quantity.X, t), baseY + travel * phase(Quantity.Y, t),
                Math.exp(baseLogRadius + logRadiusChange * phase(Quantity.SCALE, t)),
                baseAngle + rotation * phase(Quantity.ANGLE, t));
    }

    /** The drifting distractor in frame t (scene coordinates), or null when this video has none. */
    Sprite drifterAt(int t) {
        if (drifter == null) {
            return null;
        }
        double fromMiddle = t - (frames - 1) / 2.0;
        return drifter.at(drifter.centreX() + drifterVelocityX * fromMiddle,
                drifter.centreY() + drifterVelocityY * fromMiddle, drifter.radius(), drifter.angle());
    }

    /** Ground truth for frame t, as the frame shows it. */
    ObjectState state(int t) {
        Sprite at = objectAt(t);
        return new ObjectState(at.centreX() - cameraX[t], at.centreY() - cameraY[t], at.angle(), at.radius(),
                cameraX[t], cameraY[t]);
    }

    private double phase(Quantity quantity, int t) {
        if (motion.moving() == quantity) {
            return motion.direction() * centredTime(t);
        }
        return centredTime(restingFrames[quantity.ordinal()]);
    }

    /** -1/2 at the first frame, +1/2 at the last. */
    private double centredTime(int t) {
        return t / (double) (frames - 1) - 0.5;
    }

    /** A base position whose path of length {@code travel} stays inside the margins; symmetric about the centre. */
    private static double symmetricAboutCentre(SplittableRandom random, int size, double travel) {
        double low = size * EDGE_MARGIN + travel / 2;
        double high = size * (1 - EDGE_MARGIN) - travel / 2;
        return random.nextDouble(low, high);
    }

    static Sprite flatSprite(SplittableRandom random, double x, double y, double radius) {
        Shape shape = Shape.values()[random.nextInt(Shape.values().length)];
        int colour = randomColour(random, 0, 256);
        return new Sprite(shape, x, y, radius, random.nextDouble(TWO_PI), Texture.FLAT, 0, 0, colour, colour);
    }

    private static int randomColour(SplittableRandom random, int low, int high) {
        return random.nextInt(low, high) << 16 | random.nextInt(low, high) << 8 | random.nextInt(low, high);
    }

    /**
     * A colour whose brightness differs clearly from the background's (and from {@code other}'s,
     * when given), so the object never melts into the scene.
     */
    static int contrasting(SplittableRandom random, int background, int other) {
        int colour = 0;
        for (int attempt = 0; attempt < 1000; attempt++) {
            colour = randomColour(random, 0, 256);
            boolean standsOut = Math.abs(luma(colour) - luma(background)) >= 60;
            boolean differs = other < 0 || Math.abs(luma(colour) - luma(other)) >= 40;
            if (standsOut && differs) {
                return colour;
            }
        }
        return colour;
    }

    private static double luma(int colour) {
        return 0.299 * (colour >> 16 & 0xFF) + 0.587 * (colour >> 8 & 0xFF) + 0.114 * (colour & 0xFF);
    }

    private static double lerp(double easy, double hard, double difficulty) {
        return easy + (hard - easy) * difficulty;
    }
}
