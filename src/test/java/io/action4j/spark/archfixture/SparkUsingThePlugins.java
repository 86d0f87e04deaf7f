package io.action4j.spark.archfixture;

/** A deliberate violation for ArchitectureRulesTest: the Spark module reaching past the task facades into a plugin. */
public final class SparkUsingThePlugins {
    public io.action4j.plugins.video.VideoReadersPlugin readers;
}
