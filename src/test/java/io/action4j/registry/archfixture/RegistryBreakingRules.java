package io.action4j.registry.archfixture;

/** Deliberate violations for ArchitectureRulesTest: a main, Guice and OpenCV outside their places. */
public final class RegistryBreakingRules {
    public com.google.inject.Injector injector;
    public org.bytedeco.opencv.opencv_core.Mat image;

    public static void main(String[] args) {
    }
}
