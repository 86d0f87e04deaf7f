package io.action4j.api.archfixture;

/** A deliberate violation for ArchitectureRulesTest: the api using JavaCV. */
public final class ApiUsingJavaCv {
    public org.bytedeco.javacv.Frame frame;
}
