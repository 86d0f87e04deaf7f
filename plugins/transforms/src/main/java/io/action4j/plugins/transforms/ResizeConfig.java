package io.action4j.plugins.transforms;

import io.action4j.api.ConfigChecks;
import io.action4j.api.ConfigValueException;
import java.util.List;
import java.util.Objects;
import java.util.Map;

import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_CUBIC;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LANCZOS4;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_NEAREST;

/**
 * MMAction2's {@code Resize}.
 *
 * @param scale {@code [w, h]}. With {@code keepRatio} it is the largest size to fit (orientation
 *     free: the larger value bounds the long side, the smaller the short side); a {@code -1}
 *     means "short side = the other value", so {@code [-1, 256]} resizes the short side to 256.
 *     Without {@code keepRatio} it is the exact output size.
 * @param keepRatio keep the aspect ratio (MMAction2's {@code keep_ratio}, default true)
 * @param interpolation mmcv's names: nearest, bilinear (default), bicubic, area, lanczos
 */
public record ResizeConfig(List<Integer> scale, boolean keepRatio, String interpolation) {

    /** mmcv's {@code cv2_interp_codes}. */
    static final Map<String, Integer> INTERPOLATIONS = Map.of(
            "nearest", INTER_NEAREST, "bilinear", INTER_LINEAR, "bicubic", INTER_CUBIC,
            "area", INTER_AREA, "lanczos", INTER_LANCZOS4);

    public static final ResizeConfig DEFAULTS = new ResizeConfig(List.of(-1, 256), true, "bilinear");

    public ResizeConfig {
        ConfigChecks.required("scale", scale);
        if (scale.size() != 2 || scale.stream().anyMatch(Objects::isNull)) {
            throw new ConfigValueException("scale", "must be [w, h], got " + scale);
        }
        scale = List.copyOf(scale);
        int w = scale.get(0);
        int h = scale.get(1);
        boolean shortSide = Math.min(w, h) == -1 && Math.max(w, h) > 0;
        if (!(w > 0 && h > 0) && !(keepRatio && shortSide)) {
            throw new ConfigValueException("scale", "must be two positive integers"
                    + (keepRatio ? ", or -1 and a positive short side" : " when keepRatio is false") + ", got " + scale);
        }
        ConfigChecks.oneOf("interpolation", ConfigChecks.required("interpolation", interpolation), INTERPOLATIONS.keySet());
    }

    int interpolationCode() {
        return INTERPOLATIONS.get(interpolation);
    }
}
