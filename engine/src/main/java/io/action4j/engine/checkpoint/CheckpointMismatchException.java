package io.action4j.engine.checkpoint;

/** A strict load that found missing, unexpected, misshapen or duplicate tensors: all of them, in one message. */
public class CheckpointMismatchException extends CheckpointException {

    private final LoadReport report;

    public CheckpointMismatchException(LoadReport report) {
        super("checkpoint does not match the model, nothing was loaded: " + report.describe());
        this.report = report;
    }

    public LoadReport report() {
        return report;
    }
}
