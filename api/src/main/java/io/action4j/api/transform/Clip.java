package io.action4j.api.transform;

import java.util.List;

/**
 * The data a transform pipeline passes along: frames ordered crop, then clip, then time (as
 * MMAction2 orders them), and boxes that move with the frames (AVA-style person boxes).
 *
 * @param frames {@code numCrops * numClips * clipLen} frames
 * @param clipLen frames per clip
 * @param numClips clips sampled from the video
 * @param numCrops spatial crops per frame (1 until a multi-crop transform runs)
 * @param boxes boxes on the clip's keyframe, in the frames' pixel coordinates; empty when none
 */
public record Clip(List<Image> frames, int clipLen, int numClips, int numCrops, List<Box> boxes) {

    public Clip {
        frames = List.copyOf(frames);
        boxes = List.copyOf(boxes);
        if (clipLen <= 0 || numClips <= 0 || numCrops <= 0 || frames.size() != clipLen * numClips * numCrops) {
            throw new IllegalArgumentException(numCrops + " crops of " + numClips + " clips of " + clipLen
                    + " frames need " + (long) numCrops * numClips * clipLen + " frames, got " + frames.size());
        }
    }
}
