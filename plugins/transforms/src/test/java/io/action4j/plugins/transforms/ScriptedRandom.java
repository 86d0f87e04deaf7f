package io.action4j.plugins.transforms;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A generator that hands out a fixed script of draws and fails on any draw out of script, so a
 * test pins both the values and the order and kind of every draw. Records the bounds asked for.
 */
final class ScriptedRandom implements RandomGenerator {

    private final Deque<Object> script = new ArrayDeque<>();
    final List<Integer> intBounds = new ArrayList<>();

    ScriptedRandom thenDoubles(double... values) {
        for (double value : values) {
            script.add(value);
        }
        return this;
    }

    ScriptedRandom thenInts(int... values) {
        for (int value : values) {
            script.add(value);
        }
        return this;
    }

    int remaining() {
        return script.size();
    }

    @Override
    public double nextDouble() {
        Object next = next("nextDouble");
        if (!(next instanceof Double value)) {
            throw new AssertionError("nextDouble() drawn where the script has int " + next);
        }
        return value;
    }

    @Override
    public int nextInt(int bound) {
        Object next = next("nextInt(" + bound + ")");
        if (!(next instanceof Integer value)) {
            throw new AssertionError("nextInt(" + bound + ") drawn where the script has double " + next);
        }
        if (value < 0 || value >= bound) {
            throw new AssertionError("scripted " + value + " is outside [0, " + bound + ")");
        }
        intBounds.add(bound);
        return value;
    }

    @Override
    public long nextLong() {
        throw new AssertionError("unexpected nextLong()");
    }

    private Object next(String what) {
        if (script.isEmpty()) {
            throw new AssertionError("script exhausted at " + what);
        }
        return script.poll();
    }
}
