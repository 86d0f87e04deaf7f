package io.action4j.synth;

import io.action4j.api.video.VideoEncoder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A synthetic video for spatio-temporal action detection, as AVA labels people: one continuous scene
 * (the trimmed videos' background, clutter, camera jitter and noise, and a distractor bouncing about)
 * with several actors, each a textured shape with its own actions over time. At every keyframe,
 * each actor has a box and one movement label ({@code still} while resting) plus at most one
 * secondary motion ({@link SecondaryMotion}). Only motion tells the actions apart.
 *
 * <p>Keyframes sit on the whole seconds 1 to {@code seconds - 1}, at frame {@code round(second * fps)}
 * (frames counted from 0): AVA's convention with the video starting at timestamp 0. Actions begin
 * and end half way between seconds, so a keyframe's labels hold for at least half a second on either
 * side. The same config, split and index always give the same pixels and labels.
 */
public final class MultiActorVideo {

    /**
     * One actor at one keyframe.
     *
     * @param second    the keyframe's timestamp, whole seconds from the video's start
     * @param person    the actor's number in the video, from 0, the same at every keyframe
     * @param box       the tight box of the actor's outline as the frame shows it (camera shift included)
     * @param movement  what the actor does then ({@code still} while resting)
     * @param secondary the secondary motion it does at the same time, or null when none
     */
    public record KeyframePerson(int second, int person, FrameBox box, MotionClass movement,
                                 SecondaryMotion secondary) {
    }

    /** Added to each video's seed, so that these videos differ from the trimmed and untrimmed ones. */
    private static final long SEED_OFFSET = 0xA7AL;

    private final SynthConfig config;
    private final int seconds;
    private final String name;
    private final long seed;
    private final Scene scene;
    private final List<Actor> actors;
    private final BouncingSprite drifter;

    private MultiActorVideo(SynthConfig config, int seconds, String name, long seed, Scene scene, List<Actor> actors,
                            BouncingSprite drifter) {
        this.config = config;
        this.seconds = seconds;
        this.name = name;
        this.seed = seed;
        this.scene = scene;
        this.actors = actors;
        this.drifter = drifter;
    }

    /**
     * The video number {@code index} of {@code split}.
     *
     * @param seconds   its length, whole seconds (at least 2, for one keyframe)
     * @param minActors the fewest actors it may have
     * @param maxActors the most; the number is drawn between the two
     */
    public static MultiActorVideo of(SynthConfig config, int seconds, int minActors, int maxActors, Split split,
                                     int index) {
        if (seconds < 2 || minActors < 1 || maxActors < minActors || index < 0) {
            throw new IllegalArgumentException("a multi-actor video needs at least 2 seconds, 1 <= minActors <= "
                    + "maxActors and index >= 0; got " + seconds + " s, " + minActors + ".." + maxActors + " actors, index "
                    + index);
        }
        int frames = (int) Math.round(seconds * config.fps());
        SynthConfig sceneConfig = new SynthConfig(config.seed(), config.classes(), config.width(), config.height(),
                frames, config.fps(), config.difficulty(), 1, 0, 0);
        long seed = VideoSeeds.mix(VideoSeeds.of(config.seed(), MotionClass.STILL, split, index) + SEED_OFFSET);
        Scene scene = Scene.sample(sceneConfig, MotionClass.STILL, seed);
        SplittableRandom random = new SplittableRandom(VideoSeeds.mix(seed + 1));
        int count = random.nextInt(minActors, maxActors + 1);
        double side = Math.min(config.width(), config.height());
        Sprite drifterLook = Scene.flatSprite(random, config.width() * random.nextDouble(0.2, 0.8),
                config.height() * random.nextDouble(0.2, 0.8), side * random.nextDouble(0.04, 0.07));
        double direction = random.nextDouble(2 * Math.PI);
        double speed = side * random.nextDouble(0.05, 0.12) / config.fps();
        BouncingSprite drifter = new BouncingSprite(drifterLook, speed * Math.cos(direction),
                speed * Math.sin(direction), config.width(), config.height());
        List<MotionClass> moving = config.classes().stream().filter(motion -> motion.moving() != null).toList();
        List<Actor> actors = new ActorPlanner(random, scene, config.fps(), moving).plan(count);
        return new MultiActorVideo(config, seconds, String.format("%s_%04d", split.id(), index), seed, scene, actors,
                drifter);
    }

    /** {@code <split>_<index>}, e.g. {@code train_0003}: the video id in the CSVs and the file's name without {@code .mp4}. */
    public String name() {
        return name;
    }

    public int seconds() {
        return seconds;
    }

    public int frames() {
        return scene.frames();
    }

    public double fps() {
        return config.fps();
    }

    public int actorCount() {
        return actors.size();
    }

    /** The frame (from 0) of the keyframe at {@code second}. */
    public int keyframeFrame(int second) {
        return (int) Math.round(second * config.fps());
    }

    /** Every actor at every keyframe, by keyframe, then by person. */
    public List<KeyframePerson> keyframes() {
        List<KeyframePerson> people = new ArrayList<>();
        for (int second = 1; second < seconds; second++) {
            int frame = keyframeFrame(second);
            for (int person = 0; person < actors.size(); person++) {
                people.add(at(second, frame, person));
            }
        }
        return people;
    }

    private KeyframePerson at(int second, int frame, int person) {
        Actor actor = actors.get(person);
        FrameBox box = actor.spriteAt(frame).bounds(scene.cameraX()[frame], scene.cameraY()[frame], config.width(),
                config.height());
        return new KeyframePerson(second, person, box.clipped(), actor.movementAt(frame), actor.secondaryAt(frame));
    }

    /** Every frame, RGB24 (height x width x 3, row-major). Holds them all: use {@link #write} for long videos. */
    public List<byte[]> render() {
        SceneRenderer renderer = renderer();
        List<byte[]> rendered = new ArrayList<>(frames());
        for (int f = 0; f < frames(); f++) {
            rendered.add(renderer.render(f));
        }
        return rendered;
    }

    /** Renders and writes the video frame by frame. */
    public void write(Path file, VideoEncoder encoder) throws IOException {
        RenderedVideo.write(renderer(), frames(), config.width(), config.height(), config.fps(), file, encoder);
    }

    SceneRenderer renderer() {
        return SceneRenderer.withObjects(scene, this::spritesAt, this::drifterAt);
    }

    /** The actors in frame t, in scene coordinates, in painting order (a later one covers an earlier one). */
    List<Sprite> spritesAt(int t) {
        List<Sprite> sprites = new ArrayList<>(actors.size());
        for (Actor actor : actors) {
            sprites.add(actor.spriteAt(t));
        }
        return sprites;
    }

    /** The distractor in frame t (scene coordinates). */
    Sprite drifterAt(int t) {
        return drifter.at(t);
    }

    /** The seed of everything drawn about this video after its pixels: its perturbed proposals. */
    long proposalSeed() {
        return VideoSeeds.mix(seed + 2);
    }

    List<Actor> actors() {
        return actors;
    }

    Scene scene() {
        return scene;
    }
}
