package io.action4j.synth;

/**
 * Two-colour patterns painted in the object's own coordinates, so they turn and scale with it.
 * Every object texture lacks rotational symmetry beyond 180 degrees, so rotation shows even on a disc.
 */
enum Texture {
    STRIPES {
        @Override
        boolean firstColour(double a, double b, double frequency) {
            return (Math.floorMod((long) Math.floor(2 * frequency * a), 2)) == 0;
        }
    },
    CHECKER {
        @Override
        boolean firstColour(double a, double b, double frequency) {
            return Math.floorMod((long) Math.floor(2 * frequency * a) + (long) Math.floor(2 * frequency * b), 2) == 0;
        }
    },
    /** Two halves. */
    SPLIT {
        @Override
        boolean firstColour(double a, double b, double frequency) {
            return a >= 0;
        }
    },
    /** An off-centre spot. */
    SPOT {
        @Override
        boolean firstColour(double a, double b, double frequency) {
            double da = a - 0.45;
            return da * da + b * b > 0.35 * 0.35;
        }
    },
    /** One colour: the distractors, which must not look like the textured object. */
    FLAT {
        @Override
        boolean firstColour(double a, double b, double frequency) {
            return true;
        }
    };

    /** The textures an object may carry. */
    static final Texture[] OBJECT = {STRIPES, CHECKER, SPLIT, SPOT};

    /**
     * @param a         first texture coordinate (object coordinates turned by the texture's angle)
     * @param b         second texture coordinate
     * @param frequency cycles per unit radius, for the periodic textures
     */
    abstract boolean firstColour(double a, double b, double frequency);
}
