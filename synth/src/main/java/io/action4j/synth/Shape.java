package io.action4j.synth;

/**
 * Outlines in the object's own coordinates: unit radius, v pointing up. None of them is asked to
 * show rotation by its outline alone; the textures do that (a disc rotates visibly by its texture).
 */
enum Shape {
    DISC(1) {
        @Override
        boolean contains(double u, double v) {
            return u * u + v * v <= 1;
        }
    },
    SQUARE(0.8 * Math.sqrt(2)) {
        @Override
        boolean contains(double u, double v) {
            return Math.abs(u) <= 0.8 && Math.abs(v) <= 0.8;
        }
    },
    /** Equilateral, circumradius 1, one corner up. */
    TRIANGLE(1) {
        @Override
        boolean contains(double u, double v) {
            return v >= -0.5 && SQRT3 * u + v <= 1 && -SQRT3 * u + v <= 1;
        }
    },
    ELLIPSE(1) {
        @Override
        boolean contains(double u, double v) {
            double w = v / 0.55;
            return u * u + w * w <= 1;
        }
    },
    CROSS(Math.hypot(1, 0.3)) {
        @Override
        boolean contains(double u, double v) {
            double au = Math.abs(u);
            double av = Math.abs(v);
            return (au <= 0.3 && av <= 1) || (av <= 0.3 && au <= 1);
        }
    },
    /** Five points; the outline's radius swings between 0.45 and 1. */
    STAR(1) {
        @Override
        boolean contains(double u, double v) {
            double r = Math.hypot(u, v);
            if (r > 1) {
                return false;
            }
            // Distance in angle to the nearest point, 0 (at a point) to 1 (between two points).
            double sector = Math.atan2(u, v) / (2 * Math.PI / 5);
            double between = 2 * Math.abs(sector - Math.rint(sector));
            return r <= 1 - 0.55 * between;
        }
    };

    private static final double SQRT3 = Math.sqrt(3);

    private final double reach;

    Shape(double reach) {
        this.reach = reach;
    }

    /** Whether the point (u, v), in units of the radius, lies inside the outline. */
    abstract boolean contains(double u, double v);

    /** The farthest an inside point lies from the centre, in units of the radius. */
    double reach() {
        return reach;
    }
}
