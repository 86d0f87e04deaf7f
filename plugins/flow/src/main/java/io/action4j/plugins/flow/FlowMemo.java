package io.action4j.plugins.flow;

import io.action4j.api.flow.FlowField;
import io.action4j.api.video.VideoFrame;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Flow fields already computed, found again by the content of their two frames: overlapping windows of a long
 * video ({@code recognize --window}) and repeated views of one clip hand the pipeline the same frame pairs, whose
 * flow is then computed once. A frame is known by its shape and the SHA-256 of its pixels, so only an identical
 * pair is ever reused (the estimators are deterministic). Bounded by the bytes of the fields it keeps, the least
 * recently used dropped first; thread-safe.
 */
final class FlowMemo {

    /** A frame pair by content. */
    record PairKey(int width, int height, int channels, String from, String to) {
    }

    private final long capacityBytes;
    private final LinkedHashMap<PairKey, FlowField> fields = new LinkedHashMap<>(16, 0.75f, true);
    private long bytesHeld;

    /** @param capacityBytes the most bytes of flow fields kept; 0 keeps none */
    FlowMemo(long capacityBytes) {
        this.capacityBytes = capacityBytes;
    }

    boolean enabled() {
        return capacityBytes > 0;
    }

    /** The content digest of a frame's pixels. */
    static String digest(VideoFrame frame) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(frame.pixels()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    static PairKey key(VideoFrame from, String fromDigest, String toDigest) {
        return new PairKey(from.width(), from.height(), from.channels(), fromDigest, toDigest);
    }

    synchronized Optional<FlowField> get(PairKey key) {
        return Optional.ofNullable(fields.get(key));
    }

    /** Keeps {@code field} for {@code key}, dropping the least recently used fields beyond the capacity. */
    synchronized void put(PairKey key, FlowField field) {
        long bytes = (long) field.values().length * Float.BYTES;
        if (bytes > capacityBytes) {
            return;
        }
        FlowField previous = fields.put(key, field);
        bytesHeld += bytes - (previous == null ? 0 : (long) previous.values().length * Float.BYTES);
        Iterator<Map.Entry<PairKey, FlowField>> oldest = fields.entrySet().iterator();
        while (bytesHeld > capacityBytes && oldest.hasNext()) {
            bytesHeld -= (long) oldest.next().getValue().values().length * Float.BYTES;
            oldest.remove();
        }
    }

    synchronized long bytesHeld() {
        return bytesHeld;
    }
}
