package io.action4j.launcher;

import io.action4j.engine.checkpoint.Checkpoint;
import io.action4j.engine.checkpoint.LoadReport;
import io.action4j.engine.model.ComposedModel;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The weights a command loads into the model it builds, and how checkpoint keys map to graph names. */
final class CheckpointArguments {

    @Option(names = "--checkpoint", paramLabel = "FILE",
            description = "Weights: a PyTorch .pth/.pt (MMAction2 or torchvision state dict; read by a restricted "
                    + "unpickler that runs nothing), a .safetensors file, or an action4j checkpoint.")
    Path checkpoint;

    @Option(names = "--key-mapping", defaultValue = "auto", paramLabel = "NAME",
            description = "How checkpoint keys name graph variables: auto (from the keys; default), mmaction2, graph, "
                    + "or one the model's components declare (resnet3d: torchvision_video_resnet, torchvision_r2plus1d; "
                    + "s3d: torchvision_s3d).")
    String keyMapping;

    @Option(names = "--non-strict", description = "Load the tensors that match and list the rest, instead of refusing "
            + "a checkpoint with missing, unexpected or mis-shaped keys.")
    boolean nonStrict;

    @Option(names = "--cross-modality", description = "TSN's cross-modality initialisation: a convolution weight that "
            + "differs from the model's in its input channels only (an RGB model's first layer loaded into a flow or "
            + "RGB-difference model) is averaged over its channels and repeated for each of the model's.")
    boolean crossModality;

    /**
     * Says on {@code err}, when no checkpoint was given, that the model keeps its seeded initial
     * weights: its outputs look like any others, so the user reading them must be told.
     */
    void warnIfNone(PrintWriter err, String consequence) {
        if (checkpoint == null) {
            err.println("action4j: no --checkpoint: the model keeps its seeded initial weights, " + consequence);
            err.flush();
        }
    }

    /** Loads the checkpoint, if one was given; returns null otherwise. */
    LoadReport loadInto(ComposedModel model) {
        return checkpoint == null ? null : new Checkpoint(checkpoint, keyMapping, !nonStrict, crossModality).loadInto(model);
    }
}
