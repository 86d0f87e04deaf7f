package io.action4j.synth;

/**
 * A shape placed in the scene: centre in scene pixels (x right, y down), radius in pixels, angle in
 * radians counter-clockwise on the screen.
 */
record Sprite(Shape shape, double centreX, double centreY, double radius, double angle, Texture texture,
              double textureFrequency, double textureAngle, int colour1, int colour2) {

    /** Subsamples per pixel along each axis: smooth edges, so sub-pixel motion shows. */
    private static final int SUBSAMPLES = 2;

    Sprite at(double x, double y, double newRadius, double newAngle) {
        return new Sprite(shape, x, y, newRadius, newAngle, texture, textureFrequency, textureAngle, colour1, colour2);
    }

    /** The same sprite with both colours scaled by {@code factor} (each channel clamped to 0..255). */
    Sprite brightened(double factor) {
        return new Sprite(shape, centreX, centreY, radius, angle, texture, textureFrequency, textureAngle,
                scaled(colour1, factor), scaled(colour2, factor));
    }

    /**
     * The outline's tight box as fractions of a {@code width} x {@code height} image whose pixel (0, 0) has
     * its top-left corner at scene point (originX, originY), as {@link #paint} places it.
     */
    FrameBox bounds(double originX, double originY, int width, int height) {
        Shape.Extent extent = shape.extent(angle);
        double x = centreX - originX;
        double y = centreY - originY;
        return new FrameBox((x + extent.minRight() * radius) / width, (y - extent.maxUp() * radius) / height,
                (x + extent.maxRight() * radius) / width, (y - extent.minUp() * radius) / height);
    }

    private static int scaled(int colour, double factor) {
        int red = channel((colour >> 16 & 0xFF) * factor);
        int green = channel((colour >> 8 & 0xFF) * factor);
        int blue = channel((colour & 0xFF) * factor);
        return red << 16 | green << 8 | blue;
    }

    private static int channel(double value) {
        return (int) Math.max(0, Math.min(255, Math.round(value)));
    }

    /**
     * Paints this sprite over an RGB24 image whose pixel (0, 0) has its top-left corner at scene
     * point (originX, originY).
     *
     * @param coverage if not null, receives the fraction of each pixel's subsamples inside the
     *                 outline (pixels the sprite does not touch are left as they are)
     */
    void paint(byte[] rgb, int width, int height, double originX, double originY, float[] coverage) {
        double reach = radius * shape.reach() + 1;
        int left = Math.max(0, (int) Math.floor(centreX - reach - originX));
        int right = Math.min(width - 1, (int) Math.ceil(centreX + reach - originX));
        int top = Math.max(0, (int) Math.floor(centreY - reach - originY));
        int bottom = Math.min(height - 1, (int) Math.ceil(centreY + reach - originY));
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        double textureCos = Math.cos(textureAngle);
        double textureSin = Math.sin(textureAngle);
        double step = 1.0 / SUBSAMPLES;
        int samples = SUBSAMPLES * SUBSAMPLES;
        for (int py = top; py <= bottom; py++) {
            for (int px = left; px <= right; px++) {
                int inside = 0;
                int red = 0;
                int green = 0;
                int blue = 0;
                for (int sy = 0; sy < SUBSAMPLES; sy++) {
                    // Up is positive in object coordinates, image rows grow downwards.
                    double up = centreY - (originY + py + (sy + 0.5) * step);
                    for (int sx = 0; sx < SUBSAMPLES; sx++) {
                        double rightward = originX + px + (sx + 0.5) * step - centreX;
                        double u = (rightward * cos + up * sin) / radius;
                        double v = (-rightward * sin + up * cos) / radius;
                        if (shape.contains(u, v)) {
                            double a = u * textureCos + v * textureSin;
                            double b = -u * textureSin + v * textureCos;
                            int colour = texture.firstColour(a, b, textureFrequency) ? colour1 : colour2;
                            red += colour >> 16 & 0xFF;
                            green += colour >> 8 & 0xFF;
                            blue += colour & 0xFF;
                            inside++;
                        }
                    }
                }
                if (inside == 0) {
                    continue;
                }
                int at = (py * width + px) * 3;
                int outside = samples - inside;
                rgb[at] = (byte) ((red + outside * (rgb[at] & 0xFF) + samples / 2) / samples);
                rgb[at + 1] = (byte) ((green + outside * (rgb[at + 1] & 0xFF) + samples / 2) / samples);
                rgb[at + 2] = (byte) ((blue + outside * (rgb[at + 2] & 0xFF) + samples / 2) / samples);
                if (coverage != null) {
                    coverage[py * width + px] = inside / (float) samples;
                }
            }
        }
    }
}
