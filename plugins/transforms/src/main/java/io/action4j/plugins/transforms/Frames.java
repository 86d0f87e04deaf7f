package io.action4j.plugins.transforms;

import io.action4j.api.transform.Image;

/** Pixel-exact geometry on {@link Image}s (crop, flip, invert): plain copies, no interpolation. */
final class Frames {

    private Frames() {
    }

    /** numpy's {@code img[y:y+h, x:x+w]}. */
    static Image crop(Image image, CropRegion region) {
        region.checkInside(image.width(), image.height());
        int channels = image.channels();
        int rowLength = region.width() * channels;
        float[] out = new float[region.height() * rowLength];
        for (int row = 0; row < region.height(); row++) {
            int from = ((region.y() + row) * image.width() + region.x()) * channels;
            System.arraycopy(image.pixels(), from, out, row * rowLength, rowLength);
        }
        return new Image(region.width(), region.height(), channels, out);
    }

    /** {@code np.flip(img, axis=1)}: mirror left-right, pixel x goes to {@code W - 1 - x}. */
    static Image flipHorizontal(Image image) {
        int width = image.width();
        int channels = image.channels();
        float[] in = image.pixels();
        float[] out = new float[in.length];
        for (int row = 0; row < image.height(); row++) {
            int rowStart = row * width * channels;
            for (int x = 0; x < width; x++) {
                System.arraycopy(in, rowStart + x * channels, out, rowStart + (width - 1 - x) * channels, channels);
            }
        }
        return new Image(width, image.height(), channels, out);
    }

    /** {@code np.flip(img, axis=0)}: mirror top-bottom. */
    static Image flipVertical(Image image) {
        int rowLength = image.width() * image.channels();
        float[] in = image.pixels();
        float[] out = new float[in.length];
        for (int row = 0; row < image.height(); row++) {
            System.arraycopy(in, row * rowLength, out, (image.height() - 1 - row) * rowLength, rowLength);
        }
        return new Image(image.width(), image.height(), image.channels(), out);
    }

    /** mmcv's {@code iminvert} ({@code 255 - v}) on one channel, the others copied. */
    static Image invertChannel(Image image, int channel) {
        float[] out = image.pixels().clone();
        for (int i = channel; i < out.length; i += image.channels()) {
            out[i] = 255f - out[i];
        }
        return new Image(image.width(), image.height(), image.channels(), out);
    }
}
