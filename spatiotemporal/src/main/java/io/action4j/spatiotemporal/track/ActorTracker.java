package io.action4j.spatiotemporal.track;

import io.action4j.api.detection.NormalizedBox;
import io.action4j.spatiotemporal.boxes.BoxIou;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

/**
 * Links the people found on successive keyframes into tracks by box overlap: each keyframe's boxes are
 * matched to the tracks alive (their last box) greedily, the pair with the highest IoU first, as long
 * as it reaches {@code minIou}; a box left over starts a new track. A track not matched for more than
 * {@code maxMissed} keyframes in a row ends. Ids count from 1 in the order tracks start. Only the
 * tracks alive are held, whatever the video's length. Not thread-safe.
 */
public final class ActorTracker {

    /** A track that ended: it was last seen on keyframe {@code lastKeyframe}. */
    public record EndedTrack(int id, int lastKeyframe) {
    }

    private static final class Alive {
        final int id;
        NormalizedBox box;
        int lastKeyframe;

        Alive(int id, NormalizedBox box, int lastKeyframe) {
            this.id = id;
            this.box = box;
            this.lastKeyframe = lastKeyframe;
        }
    }

    private record Pair(int track, int box, double iou) {
    }

    private final double minIou;
    private final int maxMissed;
    private final List<Alive> alive = new ArrayList<>();
    private int nextId = 1;

    /**
     * @param minIou the least overlap for a box to continue a track, in (0, 1]
     * @param maxMissed keyframes a track may go unmatched and still continue
     */
    public ActorTracker(double minIou, int maxMissed) {
        if (!(minIou > 0 && minIou <= 1)) {
            throw new IllegalArgumentException("minIou must be in (0, 1], got " + minIou);
        }
        if (maxMissed < 0) {
            throw new IllegalArgumentException("maxMissed must not be negative, got " + maxMissed);
        }
        this.minIou = minIou;
        this.maxMissed = maxMissed;
    }

    /**
     * Assigns the boxes of keyframe {@code keyframe} (numbered in order, increasing) to tracks.
     *
     * @param ended receives the tracks that end before this keyframe (unmatched for too long)
     * @return each box's track id, in the boxes' order
     */
    public int[] assign(int keyframe, List<NormalizedBox> boxes, List<EndedTrack> ended) {
        for (Iterator<Alive> it = alive.iterator(); it.hasNext(); ) {
            Alive track = it.next();
            if (keyframe - track.lastKeyframe > maxMissed + 1) {
                ended.add(new EndedTrack(track.id, track.lastKeyframe));
                it.remove();
            }
        }
        List<Pair> pairs = new ArrayList<>();
        for (int t = 0; t < alive.size(); t++) {
            for (int b = 0; b < boxes.size(); b++) {
                double iou = BoxIou.of(alive.get(t).box, boxes.get(b));
                if (iou >= minIou) {
                    pairs.add(new Pair(t, b, iou));
                }
            }
        }
        pairs.sort(Comparator.comparingDouble(Pair::iou).reversed());
        int[] ids = new int[boxes.size()];
        boolean[] trackTaken = new boolean[alive.size()];
        for (Pair pair : pairs) {
            if (ids[pair.box()] == 0 && !trackTaken[pair.track()]) {
                Alive track = alive.get(pair.track());
                trackTaken[pair.track()] = true;
                ids[pair.box()] = track.id;
                track.box = boxes.get(pair.box());
                track.lastKeyframe = keyframe;
            }
        }
        for (int b = 0; b < boxes.size(); b++) {
            if (ids[b] == 0) {
                ids[b] = nextId++;
                alive.add(new Alive(ids[b], boxes.get(b), keyframe));
            }
        }
        return ids;
    }

    /** The video ended: every track still alive ends, in the order they started. */
    public List<EndedTrack> finish() {
        List<EndedTrack> ended = alive.stream().map(track -> new EndedTrack(track.id, track.lastKeyframe)).toList();
        alive.clear();
        return ended;
    }

    /** Tracks alive now. */
    public int alive() {
        return alive.size();
    }
}
