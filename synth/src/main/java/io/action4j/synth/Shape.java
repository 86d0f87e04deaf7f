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

        @Override
        Extent extent(double angle) {
            return new Extent(-1, 1, -1, 1);
        }
    },
    SQUARE(0.8 * Math.sqrt(2)) {
        @Override
        boolean contains(double u, double v) {
            return Math.abs(u) <= 0.8 && Math.abs(v) <= 0.8;
        }

        @Override
        Extent extent(double angle) {
            return cornersExtent(angle, new double[][] {{-0.8, -0.8}, {-0.8, 0.8}, {0.8, -0.8}, {0.8, 0.8}});
        }
    },
    /** Equilateral, circumradius 1, one corner up. */
    TRIANGLE(1) {
        @Override
        boolean contains(double u, double v) {
            return v >= -0.5 && SQRT3 * u + v <= 1 && -SQRT3 * u + v <= 1;
        }

        @Override
        Extent extent(double angle) {
            return cornersExtent(angle, new double[][] {{0, 1}, {-SQRT3 / 2, -0.5}, {SQRT3 / 2, -0.5}});
        }
    },
    ELLIPSE(1) {
        @Override
        boolean contains(double u, double v) {
            double w = v / 0.55;
            return u * u + w * w <= 1;
        }

        /** The outline is (cos s, 0.55 sin s); turned, each screen axis sees a sinusoid of this amplitude. */
        @Override
        Extent extent(double angle) {
            double cos = Math.cos(angle);
            double sin = Math.sin(angle);
            double halfWidth = Math.hypot(cos, 0.55 * sin);
            double halfHeight = Math.hypot(sin, 0.55 * cos);
            return new Extent(-halfWidth, halfWidth, -halfHeight, halfHeight);
        }
    },
    CROSS(Math.hypot(1, 0.3)) {
        @Override
        boolean contains(double u, double v) {
            double au = Math.abs(u);
            double av = Math.abs(v);
            return (au <= 0.3 && av <= 1) || (av <= 0.3 && au <= 1);
        }

        @Override
        Extent extent(double angle) {
            return cornersExtent(angle, new double[][] {{1, 0.3}, {1, -0.3}, {-1, 0.3}, {-1, -0.3}, {0.3, 1},
                {-0.3, 1}, {0.3, -1}, {-0.3, -1}});
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

        /**
         * The five points span the outline: the edges between them bend inwards faster than the
         * points' convex hull does, so no edge reaches further along any axis than a point.
         */
        @Override
        Extent extent(double angle) {
            double[][] points = new double[5][];
            for (int k = 0; k < 5; k++) {
                double at = k * 2 * Math.PI / 5;
                points[k] = new double[] {Math.sin(at), Math.cos(at)};
            }
            return cornersExtent(angle, points);
        }
    };

    private static final double SQRT3 = Math.sqrt(3);

    private final double reach;

    Shape(double reach) {
        this.reach = reach;
    }

    /** Whether the point (u, v), in units of the radius, lies inside the outline. */
    abstract boolean contains(double u, double v);

    /**
     * How far the outline reaches along the screen's axes, in units of the radius, from the centre:
     * {@code minRight..maxRight} to the right, {@code minUp..maxUp} upwards.
     */
    record Extent(double minRight, double maxRight, double minUp, double maxUp) {
    }

    /** The outline's extent once turned by {@code angle} (radians, counter-clockwise on the screen). */
    abstract Extent extent(double angle);

    /** The extent of a polygon's corners (u, v) turned by {@code angle}, as {@link Sprite#paint} turns them. */
    private static Extent cornersExtent(double angle, double[][] corners) {
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        double minRight = Double.POSITIVE_INFINITY;
        double maxRight = Double.NEGATIVE_INFINITY;
        double minUp = Double.POSITIVE_INFINITY;
        double maxUp = Double.NEGATIVE_INFINITY;
        for (double[] corner : corners) {
            double right = corner[0] * cos - corner[1] * sin;
            double up = corner[0] * sin + corner[1] * cos;
            minRight = Math.min(minRight, right);
            maxRight = Math.max(maxRight, right);
            minUp = Math.min(minUp, up);
            maxUp = Math.max(maxUp, up);
        }
        return new Extent(minRight, maxRight, minUp, maxUp);
    }

    /** The farthest an inside point lies from the centre, in units of the radius. */
    double reach() {
        return reach;
    }
}
