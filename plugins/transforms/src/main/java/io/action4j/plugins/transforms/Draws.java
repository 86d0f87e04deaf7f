package io.action4j.plugins.transforms;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The random primitives MMAction2's transforms use, expressed on a {@link RandomGenerator}. Each
 * call is exactly one draw, so the order of draws documented on each transform is the order of
 * calls here.
 */
final class Draws {

    private Draws() {
    }

    /** Python's {@code random.randint(low, high)}: both ends inclusive. */
    static int randintInclusive(RandomGenerator random, int low, int high) {
        return low + random.nextInt(high - low + 1);
    }

    /** Python's {@code random.choice(items)}. */
    static <T> T choice(RandomGenerator random, List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    /** numpy's {@code np.random.uniform(low, high)}: {@code low + (high - low) * u}, u in [0, 1); allows low == high. */
    static double uniform(RandomGenerator random, double low, double high) {
        return low + (high - low) * random.nextDouble();
    }

    /** numpy's {@code np.random.rand()}. */
    static double rand(RandomGenerator random) {
        return random.nextDouble();
    }
}
