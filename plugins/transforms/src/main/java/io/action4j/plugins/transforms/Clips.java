package io.action4j.plugins.transforms;

import io.action4j.api.transform.Box;
import io.action4j.api.transform.Clip;
import io.action4j.api.transform.Image;
import java.util.List;
import java.util.function.UnaryOperator;

/** Small helpers shared by the transforms. */
final class Clips {

    private Clips() {
    }

    /** The frame shape MMAction2 keeps as {@code img_shape}: the first frame's, all frames share it. */
    static Image first(Clip clip) {
        return clip.frames().get(0);
    }

    static Clip withFrames(Clip clip, List<Image> frames, List<Box> boxes) {
        return new Clip(frames, clip.clipLen(), clip.numClips(), clip.numCrops(), boxes);
    }

    static Clip mapFrames(Clip clip, UnaryOperator<Image> operation, List<Box> boxes) {
        return withFrames(clip, clip.frames().stream().map(operation).toList(), boxes);
    }

    /** Crops every frame to one region and moves the boxes with it (RandomCrop and its subclasses). */
    static Clip crop(Clip clip, CropRegion region) {
        return mapFrames(clip, frame -> Frames.crop(frame, region), Boxes.crop(clip.boxes(), region));
    }
}
