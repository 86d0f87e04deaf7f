package io.action4j.engine.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nd4j.autodiff.samediff.internal.memory.AbstractMemoryMgr;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.BaseNDArray;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.LongShapeDescriptor;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A SameDiff session memory manager for running one graph again and again at the same shapes:
 * every intermediate array is kept, by data type, order and exact shape, once the session
 * releases it or, at the latest, when the call ends, and handed out again for the next array of
 * that kind. From the second call on the intermediates need no new native memory and none is left
 * for the garbage collector. Only what would push the kept arrays over {@code maxKeptBytes}, and a
 * released array this manager did not hand out, is closed (freed at once).
 *
 * <p>Why: ND4J's default ({@code ArrayCacheMemoryMgr}) keeps at most a quarter of JavaCPP's
 * {@code maxBytes}, and the session never releases a part of the arrays it allocates (measured:
 * 84 arrays, ~730 MB, per call of r2plus1d_18 at batch 4); those wait for the garbage collector,
 * which a small Java heap seldom runs, so resident memory grew by ~350 MB per call. A reused array
 * gets a new id: the session skips arrays whose id it has released before. Not thread-safe: one
 * per thread's session.
 */
final class ReusingMemoryMgr extends AbstractMemoryMgr {

    private final long maxKeptBytes;
    private final Map<String, ArrayDeque<INDArray>> kept = new HashMap<>();
    private final Set<INDArray> handedOut = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<INDArray> keptSet = Collections.newSetFromMap(new IdentityHashMap<>());
    private long keptBytes;
    /** Counts since creation: arrays created, handed out again, kept on release, closed on release, detached. */
    long created;
    long reused;
    long keptOnRelease;
    long closedOnRelease;
    long foreignReleases;
    long detachedCreated;
    long keptAtEnd;

    ReusingMemoryMgr(long maxKeptBytes) {
        this.maxKeptBytes = maxKeptBytes;
    }

    @Override
    public INDArray allocate(boolean detached, DataType dataType, long... shape) {
        return allocate(detached, dataType, Nd4j.order(), shape);
    }

    @Override
    public INDArray allocate(boolean detached, LongShapeDescriptor descriptor) {
        if (descriptor.isEmpty()) {
            INDArray empty = Nd4j.create(descriptor);
            return detached ? empty.detach() : empty;
        }
        return allocate(detached, descriptor.dataType(), descriptor.getOrder(), descriptor.getShape());
    }

    private INDArray allocate(boolean detached, DataType dataType, char order, long[] shape) {
        if (detached) {
            // Arrays that outlive the call (the graph's outputs): the caller owns them.
            detachedCreated++;
            return Nd4j.createUninitializedDetached(dataType, order, shape);
        }
        ArrayDeque<INDArray> free = kept.get(key(dataType, order, shape));
        INDArray array = free == null ? null : free.poll();
        if (array != null) {
            keptBytes -= bytes(array);
            keptSet.remove(array);
            reused++;
            // The session remembers the ids of the arrays it has released and skips them afterwards.
            if (array instanceof BaseNDArray base) {
                base.assignNewId();
            }
        } else {
            array = Nd4j.createUninitialized(dataType, shape, order);
            created++;
        }
        handedOut.add(array);
        return array;
    }

    @Override
    public void release(INDArray array) {
        if (array == null || array.wasClosed() || keptSet.contains(array)) {
            return;
        }
        if (handedOut.remove(array)) {
            keep(array);
        } else {
            foreignReleases++;
            if (array.closeable()) {
                array.close();
                closedOnRelease++;
            }
        }
    }

    /** Keeps an array this manager handed out for reuse, or closes it when it would pass the bound. */
    private void keep(INDArray array) {
        long size = bytes(array);
        if (!array.isView() && keptBytes + size <= maxKeptBytes) {
            kept.computeIfAbsent(key(array.dataType(), array.ordering(), array.shape()), k -> new ArrayDeque<>()).push(array);
            keptSet.add(array);
            keptBytes += size;
            keptOnRelease++;
        } else if (array.closeable()) {
            array.close();
            closedOnRelease++;
        }
    }

    /**
     * Ends a call. SameDiff's session does not release every intermediate it allocates (r2plus1d_18
     * with folded batch norm: about 24 of 80 arrays a call): those are kept for the next call now
     * (or closed, past {@code maxKeptBytes}), except the call's outputs and inputs and anything
     * sharing memory with them, which the caller owns. The session reads none of a finished call's
     * intermediates, and it has never been seen to release one in a later call (a release of an
     * array this manager already keeps is ignored).
     */
    void endCall(Collection<INDArray> outputs) {
        List<INDArray> unreleased = new ArrayList<>(handedOut);
        handedOut.clear();
        for (INDArray array : unreleased) {
            if (!array.wasClosed() && outputs.stream().noneMatch(output -> overlaps(array, output))) {
                keep(array);
                keptAtEnd++;
            }
        }
    }

    private static boolean overlaps(INDArray a, INDArray b) {
        if (a == b) {
            return true;
        }
        long aStart = a.data().address();
        long aEnd = aStart + a.data().length() * a.data().getElementSize();
        long bStart = b.data().address();
        long bEnd = bStart + b.data().length() * b.data().getElementSize();
        return aStart < bEnd && bStart < aEnd;
    }

    String stats() {
        return String.format("created %d, reused %d, kept on release %d, closed on release %d, foreign %d, detached %d, "
                + "kept at the end of a call %d; %d MB kept", created, reused, keptOnRelease, closedOnRelease,
                foreignReleases, detachedCreated, keptAtEnd, keptBytes >> 20);
    }

    /** Bytes currently kept for reuse. */
    long keptBytes() {
        return keptBytes;
    }

    @Override
    public void close() {
        kept.values().forEach(free -> free.forEach(array -> {
            if (array.closeable()) {
                array.close();
            }
        }));
        kept.clear();
        keptSet.clear();
        keptBytes = 0;
        handedOut.clear();
    }

    private static String key(DataType dataType, char order, long[] shape) {
        return dataType + "/" + order + Arrays.toString(shape);
    }

    private static long bytes(INDArray array) {
        return array.length() * array.dataType().width();
    }
}
