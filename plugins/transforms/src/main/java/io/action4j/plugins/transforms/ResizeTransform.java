package io.action4j.plugins.transforms;

import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import io.action4j.api.transform.Clip;
import io.action4j.api.transform.Image;
import io.action4j.api.transform.Transform;
import java.util.random.RandomGenerator;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * MMAction2's {@code Resize}: {@code cv2.resize} on uint8 frames (what {@code mmcv.imresize} does),
 * boxes multiplied by this step's float32 scale factor. No random draws.
 */
public final class ResizeTransform implements Transform {

    private final ResizeConfig config;

    public ResizeTransform(ResizeConfig config) {
        this.config = config;
    }

    @Override
    public Clip apply(Clip clip, RandomGenerator random) {
        Image first = Clips.first(clip);
        ResizeGeometry geometry = ResizeGeometry.plan(first.width(), first.height(), config.scale(), config.keepRatio());
        return Clips.mapFrames(clip, frame -> resizeFrame(frame, geometry),
                Boxes.scale(clip.boxes(), geometry.scaleX(), geometry.scaleY()));
    }

    private Image resizeFrame(Image frame, ResizeGeometry geometry) {
        try (Mat source = Uint8Mats.toMat(frame);
             Mat target = new Mat();
             Size size = new Size(geometry.width(), geometry.height())) {
            resize(source, target, size, 0, 0, config.interpolationCode());
            return Uint8Mats.toImage(target);
        }
    }
}
