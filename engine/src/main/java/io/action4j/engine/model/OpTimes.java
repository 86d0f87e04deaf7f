package io.action4j.engine.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.listeners.At;
import org.nd4j.autodiff.listeners.BaseListener;
import org.nd4j.autodiff.listeners.Operation;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/**
 * Wall time per op kind over the calls it watched ({@link ComposedModel#run(Map, OpTimes)}): where a
 * forward pass spends its time, by ND4J op ({@code conv3dnew}, {@code relu}, {@code concat}, ...). An op's
 * time runs from ND4J handing it its inputs to its outputs coming back, so it includes the op's own
 * layout conversions (oneDNN's reorders happen inside {@code conv3dnew}); the rest of a call is the
 * graph executor's work between ops.
 */
public final class OpTimes extends BaseListener {

    /** One op kind's total over the watched calls. */
    public record Entry(String op, long executions, long nanos) {
    }

    private final Map<String, long[]> totals = new HashMap<>();
    private long started;
    private int calls;

    /** Counts one more watched call (for the per-call averages). */
    void countCall() {
        calls++;
    }

    /** The calls watched so far. */
    public int calls() {
        return calls;
    }

    /** Every op kind seen, the most time first. */
    public List<Entry> entries() {
        List<Entry> entries = new ArrayList<>();
        totals.forEach((op, total) -> entries.add(new Entry(op, total[0], total[1])));
        entries.sort(Comparator.comparingLong(Entry::nanos).reversed().thenComparing(Entry::op));
        return entries;
    }

    /** The time of every op over the watched calls. */
    public long totalNanos() {
        return totals.values().stream().mapToLong(total -> total[1]).sum();
    }

    @Override
    public boolean isActive(Operation operation) {
        return operation == Operation.INFERENCE;
    }

    @Override
    public void preOpExecution(SameDiff sd, At at, SameDiffOp op, OpContext opContext) {
        started = System.nanoTime();
    }

    @Override
    public void opExecution(SameDiff sd, At at, MultiDataSet batch, SameDiffOp op, OpContext opContext,
                            INDArray[] outputs) {
        long elapsed = System.nanoTime() - started;
        long[] total = totals.computeIfAbsent(op.getOp().opName(), name -> new long[2]);
        total[0]++;
        total[1] += elapsed;
    }
}
