package io.action4j.engine.archfixture;

/** A deliberate violation for ArchitectureRulesTest: the engine using a task module. */
public final class EngineUsingATask {
    public io.action4j.spatiotemporal.SpatioTemporalPlugin detection;
}
