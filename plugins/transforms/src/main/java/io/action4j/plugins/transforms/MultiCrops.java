package io.action4j.plugins.transforms;

import io.action4j.api.transform.Clip;
import io.action4j.api.transform.Image;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Test-time multi-crop (ThreeCrop, TenCrop): each view is taken from the whole frame list, so the
 * new crop index is the outer loop ({@code newCrop * oldNumCrops + oldCrop}), as MMAction2's list
 * concatenation orders them.
 */
final class MultiCrops {

    private static final System.Logger LOG = System.getLogger(MultiCrops.class.getName());

    private MultiCrops() {
    }

    /** One view of every frame: a region, then an optional per-frame operation (TenCrop's flip). */
    record View(CropRegion region, UnaryOperator<Image> after) {
    }

    static Clip apply(Clip clip, List<View> views, String transformName) {
        if (!clip.boxes().isEmpty()) {
            // MMAction2 warns and leaves gt_bboxes / proposals as they were; the API has one box list
            // per clip, not one per crop, so there is nothing better to do with them here either.
            LOG.log(Level.WARNING, "{0} cannot process bounding boxes; they are left unchanged", transformName);
        }
        List<Image> frames = new ArrayList<>(clip.frames().size() * views.size());
        for (View view : views) {
            for (Image frame : clip.frames()) {
                frames.add(view.after().apply(Frames.crop(frame, view.region())));
            }
        }
        return new Clip(frames, clip.clipLen(), clip.numClips(), clip.numCrops() * views.size(), clip.boxes());
    }
}
