package io.action4j.synth;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntFunction;

/**
 * Draws a {@link Scene}'s frames as RGB24 (row-major, 3 bytes a pixel). The static part (background
 * gratings and clutter) is drawn once on a canvas larger than the frame by the camera's jitter on
 * every side; each frame is a window into it, then the drifting distractor, the object and the
 * noise are drawn on top. Any frame can be rendered on its own, in any order, with the same result.
 */
final class SceneRenderer {

    private final Scene scene;
    private final IntFunction<List<Sprite>> objects;
    private final IntFunction<Sprite> drifter;
    private final int margin;
    private final int canvasWidth;
    private final byte[] canvas;

    SceneRenderer(Scene scene) {
        this(scene, scene::objectAt, scene::drifterAt);
    }

    /**
     * A scene's background, clutter, camera and noise with the object and the distractor placed per
     * frame by {@code object} and {@code drifter} (null for none): an untrimmed video's own paths.
     */
    SceneRenderer(Scene scene, IntFunction<Sprite> object, IntFunction<Sprite> drifter) {
        this(drifter, scene, t -> List.of(object.apply(t)));
    }

    /**
     * A scene's background, clutter, camera and noise with several objects per frame, painted in the
     * order {@code objects} gives them (later ones over earlier ones), over the distractor.
     */
    static SceneRenderer withObjects(Scene scene, IntFunction<List<Sprite>> objects, IntFunction<Sprite> drifter) {
        return new SceneRenderer(drifter, scene, objects);
    }

    // The drifter comes first: (Scene, IntFunction, IntFunction) is the public constructor's erasure.
    private SceneRenderer(IntFunction<Sprite> drifter, Scene scene, IntFunction<List<Sprite>> objects) {
        this.scene = scene;
        this.objects = objects;
        this.drifter = drifter;
        this.margin = scene.jitter();
        this.canvasWidth = scene.width() + 2 * margin;
        int canvasHeight = scene.height() + 2 * margin;
        this.canvas = new byte[canvasWidth * canvasHeight * 3];
        drawBackground(canvasHeight);
        for (Sprite sprite : scene.clutter()) {
            sprite.paint(canvas, canvasWidth, canvasHeight, -margin, -margin, null);
        }
    }

    /** Frame t as a new RGB24 array. */
    byte[] render(int t) {
        byte[] rgb = new byte[scene.width() * scene.height() * 3];
        render(t, rgb, null);
        return rgb;
    }

    /**
     * Draws frame t into {@code rgb}.
     *
     * @param objectCoverage if not null (one value a pixel), receives how much of each pixel the
     *                       object covers, 0 to 1, before noise (where objects overlap, the last one
     *                       painted)
     */
    void render(int t, byte[] rgb, float[] objectCoverage) {
        int width = scene.width();
        int height = scene.height();
        int shiftX = scene.cameraX()[t];
        int shiftY = scene.cameraY()[t];
        for (int y = 0; y < height; y++) {
            System.arraycopy(canvas, ((y + margin + shiftY) * canvasWidth + margin + shiftX) * 3, rgb, y * width * 3,
                    width * 3);
        }
        if (objectCoverage != null) {
            Arrays.fill(objectCoverage, 0f);
        }
        Sprite distractor = drifter.apply(t);
        if (distractor != null) {
            distractor.paint(rgb, width, height, shiftX, shiftY, null);
        }
        for (Sprite object : objects.apply(t)) {
            object.paint(rgb, width, height, shiftX, shiftY, objectCoverage);
        }
        addNoise(t, rgb);
    }

    private void drawBackground(int canvasHeight) {
        int base = scene.backgroundColour();
        int red = base >> 16 & 0xFF;
        int green = base >> 8 & 0xFF;
        int blue = base & 0xFF;
        for (int y = 0; y < canvasHeight; y++) {
            double sceneY = y - margin + 0.5;
            for (int x = 0; x < canvasWidth; x++) {
                double sceneX = x - margin + 0.5;
                double r = red;
                double g = green;
                double b = blue;
                for (Scene.Grating grating : scene.gratings()) {
                    double wave = Math.sin(2 * Math.PI * (grating.frequencyX() * sceneX + grating.frequencyY() * sceneY)
                            + grating.phase());
                    r += grating.red() * wave;
                    g += grating.green() * wave;
                    b += grating.blue() * wave;
                }
                int at = (y * canvasWidth + x) * 3;
                canvas[at] = clamp(r);
                canvas[at + 1] = clamp(g);
                canvas[at + 2] = clamp(b);
            }
        }
    }

    /** Sensor noise, drawn afresh for every frame from the frame's own stream. */
    private void addNoise(int t, byte[] rgb) {
        double sigma = scene.noiseSigma();
        if (sigma <= 0) {
            return;
        }
        SplittableRandom random = new SplittableRandom(VideoSeeds.mix(scene.noiseSeed() + t));
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = clamp((rgb[i] & 0xFF) + sigma * random.nextGaussian());
        }
    }

    private static byte clamp(double value) {
        long rounded = Math.round(value);
        return (byte) (rounded < 0 ? 0 : rounded > 255 ? 255 : rounded);
    }
}
