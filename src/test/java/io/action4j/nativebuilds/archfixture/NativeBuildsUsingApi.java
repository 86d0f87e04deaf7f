package io.action4j.nativebuilds.archfixture;

/** A deliberate violation for ArchitectureRulesTest: the native-build selector using the api. */
public final class NativeBuildsUsingApi {
    public io.action4j.api.VideoPlugin plugin;
}
