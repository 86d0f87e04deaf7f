package io.action4j.api.transform;

import java.util.random.RandomGenerator;

/** One step of a data pipeline (resize, crop, flip, normalize, ...). */
@FunctionalInterface
public interface Transform {

    /** @param random the only source of randomness, so that seeded runs repeat */
    Clip apply(Clip clip, RandomGenerator random);
}
