package io.action4j.engine.recognition;

import io.action4j.api.ComponentKind;
import io.action4j.api.sampling.ClipSampler;
import io.action4j.api.sampling.ClipSamplerFactory;
import io.action4j.api.sampling.FrameSelection;
import io.action4j.api.transform.Clip;
import io.action4j.api.transform.Image;
import io.action4j.api.transform.Transform;
import io.action4j.api.transform.TransformFactory;
import io.action4j.registry.PluginOrigin;
import io.action4j.registry.RegisteredComponent;
import io.action4j.registry.config.ComponentSpec;
import java.util.ArrayList;
import java.util.List;

/** A sampler and a random transform for window tests, as config components (the real ones are plugins). */
public final class TestComponents {

    private TestComponents() {
    }

    /**
     * {@code numClips} clips of {@code clipLen} consecutive frames: evenly spread (the first at
     * {@code (N - clipLen) / 2} for one clip), or each at a random start when {@code random}; frames
     * past the end repeat the last one.
     */
    public record ClipsConfig(int clipLen, int numClips, boolean random) {
    }

    public static ClipSampler clips(ClipsConfig config) {
        return (request, random) -> {
            int total = request.totalFrames();
            int room = Math.max(total - config.clipLen(), 0);
            int[] indices = new int[config.clipLen() * config.numClips()];
            for (int k = 0; k < config.numClips(); k++) {
                int offset = config.random() ? random.nextInt(room + 1)
                        : config.numClips() == 1 ? room / 2 : Math.round(k * room / (float) (config.numClips() - 1));
                for (int j = 0; j < config.clipLen(); j++) {
                    indices[k * config.clipLen() + j] = Math.min(offset + j, total - 1) + request.startIndex();
                }
            }
            return new FrameSelection(indices, config.clipLen(), config.numClips());
        };
    }

    static ComponentSpec sampler(ClipsConfig config) {
        ClipSamplerFactory<ClipsConfig> factory = new ClipSamplerFactory<>() {
            @Override
            public String name() {
                return "test_clips";
            }

            @Override
            public Class<ClipsConfig> configType() {
                return ClipsConfig.class;
            }

            @Override
            public ClipsConfig defaultConfig() {
                return config;
            }

            @Override
            public ClipSampler create(ClipsConfig chosen) {
                return clips(chosen);
            }
        };
        return new ComponentSpec(registered(ComponentKind.CLIP_SAMPLER, factory), config);
    }

    /** Mirrors every frame left to right with probability 1/2, drawn from the run's generator. */
    record FlipConfig() {
    }

    static ComponentSpec randomFlip() {
        TransformFactory<FlipConfig> factory = new TransformFactory<>() {
            @Override
            public String name() {
                return "test_flip";
            }

            @Override
            public Class<FlipConfig> configType() {
                return FlipConfig.class;
            }

            @Override
            public FlipConfig defaultConfig() {
                return new FlipConfig();
            }

            @Override
            public Transform create(FlipConfig config) {
                return (clip, random) -> random.nextBoolean() ? mirrored(clip) : clip;
            }
        };
        return new ComponentSpec(registered(ComponentKind.TRANSFORM, factory), new FlipConfig());
    }

    private static Clip mirrored(Clip clip) {
        List<Image> frames = new ArrayList<>();
        for (Image image : clip.frames()) {
            float[] pixels = new float[image.pixels().length];
            int c = image.channels();
            for (int y = 0; y < image.height(); y++) {
                for (int x = 0; x < image.width(); x++) {
                    System.arraycopy(image.pixels(), (y * image.width() + x) * c, pixels,
                            (y * image.width() + image.width() - 1 - x) * c, c);
                }
            }
            frames.add(new Image(image.width(), image.height(), c, pixels));
        }
        return new Clip(frames, clip.clipLen(), clip.numClips(), clip.numCrops(), clip.boxes());
    }

    private static RegisteredComponent registered(ComponentKind kind, io.action4j.api.ComponentFactory<?, ?> factory) {
        return new RegisteredComponent(kind, factory, PluginOrigin.ofClass(TestComponents.class, true),
                TestComponents.class.getName());
    }
}
