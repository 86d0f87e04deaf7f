package io.action4j.plugins.sampling;

import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The one place the samplers draw random numbers. Each method stands for one numpy call of
 * MMAction2's {@code loading.py}; everything else in this package is deterministic arithmetic on
 * the values drawn here, so a scripted {@link RandomGenerator} reproduces any "fixed shift".
 * Only {@link RandomGenerator#nextInt(int)} and {@link RandomGenerator#nextDouble()} are called.
 */
final class RandomDraws {

    private final RandomGenerator random;

    RandomDraws(RandomGenerator random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /** numpy {@code randint(bound, size=count)}: values in {@code [0, bound)}. */
    int[] ints(int bound, int count) {
        int[] values = new int[count];
        for (int i = 0; i < count; i++) {
            values[i] = random.nextInt(bound);
        }
        return values;
    }

    /** numpy {@code randint(low, high, size=count)}: values in {@code [low, high)}. */
    int[] intsBetween(int low, int high, int count) {
        int[] values = ints(high - low, count);
        for (int i = 0; i < count; i++) {
            values[i] += low;
        }
        return values;
    }

    /** numpy {@code uniform(0, high, size=count)}, computed as numpy does: {@code 0 + high * u}. */
    double[] uniform(double high, int count) {
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            values[i] = high * random.nextDouble();
        }
        return values;
    }
}
