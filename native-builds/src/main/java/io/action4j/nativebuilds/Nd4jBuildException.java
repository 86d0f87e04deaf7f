package io.action4j.nativebuilds;

/**
 * A requested ND4J build that cannot run here: unknown, not shipped, or needing CPU features this
 * machine lacks. Thrown before ND4J loads anything native, so the JVM never dies of an illegal
 * instruction.
 */
public class Nd4jBuildException extends IllegalStateException {

    public Nd4jBuildException(String message) {
        super(message);
    }
}
