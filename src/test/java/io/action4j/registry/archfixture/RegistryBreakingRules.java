package io.action4j.registry.archfixture;

/** Deliberate violations for ArchitectureRulesTest: a main, Guice, OpenCV, ND4J and the engine in the registry. */
public final class RegistryBreakingRules {
    public com.google.inject.Injector injector;
    public org.bytedeco.opencv.opencv_core.Mat image;
    public org.nd4j.linalg.api.ndarray.INDArray array;
    public io.action4j.engine.model.ComposedModel model;

    public static void main(String[] args) {
    }
}
