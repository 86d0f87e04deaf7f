package io.action4j.nativebuilds;

import org.nd4j.common.io.Resource;
import org.nd4j.linalg.factory.Environment;
import org.nd4j.linalg.factory.Nd4jBackend;

/**
 * Runs {@link Nd4jBuilds#select()} at ND4J's first use, in any program: ND4J finds its backends with
 * a {@link java.util.ServiceLoader} and instantiates every provider before it asks any of them to
 * load, so this provider's constructor points JavaCPP at the right build before the CPU backend's
 * native library loads. It is never a backend itself: its priority sorts it after every real one and
 * it reports itself unavailable.
 */
public final class SelectingBackendHook extends Nd4jBackend {

    /** Below ND4J's CPU (0) and GPU (100) priorities, and far from overflowing ND4J's comparator. */
    private static final int PRIORITY = -1_000_000;

    public SelectingBackendHook() {
        Nd4jBuilds.select();
    }

    @Override
    public int getPriority() {
        return PRIORITY;
    }

    @Override
    public boolean isAvailable() {
        return false;
    }

    @Override
    public boolean canRun() {
        return false;
    }

    @Override
    public boolean allowsOrder() {
        return false;
    }

    @Override
    public Resource getConfigurationResource() {
        throw notABackend();
    }

    @Override
    public Class<?> getNDArrayClass() {
        throw notABackend();
    }

    @Override
    public Environment getEnvironment() {
        throw notABackend();
    }

    @Override
    public String buildInfo() {
        throw notABackend();
    }

    @Override
    public void logBackendInit() {
        throw notABackend();
    }

    private static UnsupportedOperationException notABackend() {
        return new UnsupportedOperationException("selects the ND4J build; not a backend");
    }
}
