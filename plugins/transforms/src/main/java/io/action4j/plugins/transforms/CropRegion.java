package io.action4j.plugins.transforms;

/**
 * A crop in pixels of the frame it is taken from: {@code [x, x + width) x [y, y + height)}, the
 * {@code crop_bbox} MMAction2 records.
 */
public record CropRegion(int x, int y, int width, int height) {

    public CropRegion {
        if (x < 0 || y < 0 || width <= 0 || height <= 0) {
            throw new IllegalArgumentException("bad crop " + x + "," + y + " " + width + "x" + height);
        }
    }

    public int right() {
        return x + width;
    }

    public int bottom() {
        return y + height;
    }

    void checkInside(int frameWidth, int frameHeight) {
        if (right() > frameWidth || bottom() > frameHeight) {
            throw new IllegalArgumentException("crop " + this + " does not fit a " + frameWidth + "x" + frameHeight + " frame");
        }
    }
}
