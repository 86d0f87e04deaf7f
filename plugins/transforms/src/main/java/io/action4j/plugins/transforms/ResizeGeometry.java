package io.action4j.plugins.transforms;

import java.util.List;

/**
 * The output size of one resize and its float32 scale factor ({@code new / old} per axis), which
 * boxes are multiplied by. MMAction2 also keeps the product of these factors across resizes as
 * {@code scale_factor} (float32 times float32 each step); a caller that needs that product can
 * multiply {@link #scaleX()} / {@link #scaleY()} of successive steps in {@code float}.
 */
public record ResizeGeometry(int width, int height, float scaleX, float scaleY) {

    /** {@code mmcv.rescale_size} with keepRatio, else the scale itself; {@code int(x + 0.5)} rounding. */
    public static ResizeGeometry plan(int width, int height, List<Integer> scale, boolean keepRatio) {
        int newWidth;
        int newHeight;
        if (keepRatio) {
            int larger = Math.max(scale.get(0), scale.get(1));
            int smaller = Math.min(scale.get(0), scale.get(1));
            // MMAction2 turns (-1, s) into (inf, s): only the short side bounds the size.
            double maxLongEdge = smaller == -1 ? Double.POSITIVE_INFINITY : larger;
            double maxShortEdge = smaller == -1 ? larger : smaller;
            double factor = Math.min(maxLongEdge / Math.max(height, width), maxShortEdge / Math.min(height, width));
            newWidth = (int) (width * factor + 0.5);
            newHeight = (int) (height * factor + 0.5);
        } else {
            newWidth = scale.get(0);
            newHeight = scale.get(1);
        }
        return new ResizeGeometry(newWidth, newHeight,
                (float) ((double) newWidth / width), (float) ((double) newHeight / height));
    }
}
