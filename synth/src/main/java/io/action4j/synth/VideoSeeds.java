package io.action4j.synth;

import java.nio.charset.StandardCharsets;

/**
 * Each video's seed, from the dataset's seed and the video's class, split and index: a video does
 * not change when other classes or splits are added or resized, and videos can be made in any
 * order or in parallel.
 */
final class VideoSeeds {

    private VideoSeeds() {
    }

    static long of(long datasetSeed, MotionClass motion, Split split, int index) {
        long seed = mix(datasetSeed ^ 0x9E3779B97F4A7C15L);
        seed = mix(seed ^ stableHash(motion.id()));
        seed = mix(seed ^ stableHash(split.id()));
        return mix(seed ^ index);
    }

    /** SplitMix64's finaliser: a bijection on longs that scatters nearby inputs. */
    static long mix(long value) {
        long z = value + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** FNV-1a over UTF-8 bytes: fixed by definition, unlike what a JVM might choose. */
    private static long stableHash(String text) {
        long hash = 0xCBF29CE484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash = (hash ^ (b & 0xFF)) * 0x100000001B3L;
        }
        return hash;
    }
}
