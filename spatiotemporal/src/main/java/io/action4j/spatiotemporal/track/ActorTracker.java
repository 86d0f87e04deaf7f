package io.action4j.spatiotemporal.track;

import io.action4j.api.detection.NormalizedBox;
import io.action4j.spatiotemporal.boxes.BoxIou;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

/**
 * Links the people found on successive keyframes into tracks. Each track predicts where its person is
 * now from their last box and their last move (constant velocity, as SORT's motion model assumes, without
 * its Kalman filter). A keyframe's boxes are matched to the tracks alive greedily, best pair first: pairs
 * whose IoU with the prediction reaches {@code minIou}, highest IoU first; then, for what is left, pairs
 * whose centres lie within {@code maxShift} box sizes (the square root of the track's box area) of the
 * prediction, nearest first: at one keyframe a second, a person who walks or turns quickly moves further
 * than a box overlap can follow. A box left over starts a new track; a track not matched for more than
 * {@code maxMissed} keyframes in a row ends. Ids count from 1 in the order tracks start. Only the tracks
 * alive are held, whatever the video's length. Not thread-safe.
 */
public final class ActorTracker {

    /** A track that ended: it was last seen on keyframe {@code lastKeyframe}. */
    public record EndedTrack(int id, int lastKeyframe) {
    }

    private static final class Alive {
        final int id;
        NormalizedBox box;
        int lastKeyframe;
        /** The centre's move per keyframe between the last two sightings (0 after the first). */
        double velocityX;
        double velocityY;

        Alive(int id, NormalizedBox box, int lastKeyframe) {
            this.id = id;
            this.box = box;
            this.lastKeyframe = lastKeyframe;
        }

        NormalizedBox predicted(int keyframe) {
            int steps = keyframe - lastKeyframe;
            float dx = (float) (velocityX * steps);
            float dy = (float) (velocityY * steps);
            return new NormalizedBox(box.x1() + dx, box.y1() + dy, box.x2() + dx, box.y2() + dy);
        }

        void update(NormalizedBox seen, int keyframe) {
            int steps = keyframe - lastKeyframe;
            velocityX = (centreX(seen) - centreX(box)) / steps;
            velocityY = (centreY(seen) - centreY(box)) / steps;
            box = seen;
            lastKeyframe = keyframe;
        }
    }

    /** A candidate match; {@code rank} orders overlaps (their IoU, 0..1) above centre distances (negative). */
    private record Pair(int track, int box, double rank) {
    }

    private final double minIou;
    private final double maxShift;
    private final int maxMissed;
    private final List<Alive> alive = new ArrayList<>();
    private int nextId = 1;

    /**
     * @param minIou the least overlap with a track's prediction for a box to continue it, in (0, 1]
     * @param maxShift how far, in box sizes, a box's centre may lie from a track's prediction and still
     *                 continue it when they do not overlap enough; 0 matches by overlap alone
     * @param maxMissed keyframes a track may go unmatched and still continue
     */
    public ActorTracker(double minIou, double maxShift, int maxMissed) {
        if (!(minIou > 0 && minIou <= 1)) {
            throw new IllegalArgumentException("minIou must be in (0, 1], got " + minIou);
        }
        if (!(maxShift >= 0) || Double.isInfinite(maxShift)) {
            throw new IllegalArgumentException("maxShift must be zero or positive, got " + maxShift);
        }
        if (maxMissed < 0) {
            throw new IllegalArgumentException("maxMissed must not be negative, got " + maxMissed);
        }
        this.minIou = minIou;
        this.maxShift = maxShift;
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
            Alive track = alive.get(t);
            NormalizedBox predicted = track.predicted(keyframe);
            double size = Math.sqrt(Math.max(area(track.box), 1e-12));
            for (int b = 0; b < boxes.size(); b++) {
                NormalizedBox box = boxes.get(b);
                double iou = BoxIou.of(predicted, box);
                double shift = Math.hypot(centreX(box) - centreX(predicted), centreY(box) - centreY(predicted)) / size;
                if (iou >= minIou) {
                    pairs.add(new Pair(t, b, iou));
                } else if (shift <= maxShift) {
                    pairs.add(new Pair(t, b, -1 - shift));
                }
            }
        }
        pairs.sort(Comparator.comparingDouble(Pair::rank).reversed());
        int[] ids = new int[boxes.size()];
        boolean[] trackTaken = new boolean[alive.size()];
        for (Pair pair : pairs) {
            if (ids[pair.box()] == 0 && !trackTaken[pair.track()]) {
                Alive track = alive.get(pair.track());
                trackTaken[pair.track()] = true;
                ids[pair.box()] = track.id;
                track.update(boxes.get(pair.box()), keyframe);
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

    private static double centreX(NormalizedBox box) {
        return (box.x1() + box.x2()) / 2.0;
    }

    private static double centreY(NormalizedBox box) {
        return (box.y1() + box.y2()) / 2.0;
    }

    private static double area(NormalizedBox box) {
        return (double) (box.x2() - box.x1()) * (box.y2() - box.y1());
    }

    /** Tracks alive now. */
    public int alive() {
        return alive.size();
    }
}
