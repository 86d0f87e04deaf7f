package io.action4j.localization.archfixture;

/** Deliberate violations for ArchitectureRulesTest: a task module using the other task and the launcher. */
public final class LocalizationUsingOthers {
    public io.action4j.spatiotemporal.SpatioTemporalPlugin detection;
    public io.action4j.launcher.Main launcher;
}
