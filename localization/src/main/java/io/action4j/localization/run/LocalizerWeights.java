package io.action4j.localization.run;

import io.action4j.engine.checkpoint.Checkpoint;
import io.action4j.engine.model.ComposedModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Where a localizer's two graphs get their weights: the backbone's (snippet features) and the
 * localization head's, from one checkpoint of the whole model or one each (a recognizer's checkpoint
 * for the backbone, an MMAction2 BMN checkpoint for the head). A part's checkpoint must hold every
 * tensor of that part; the other part's tensors are left over. Either may be absent: that part keeps
 * its seeded weights.
 */
public record LocalizerWeights(Checkpoint backbone, Checkpoint head) {

    public static final LocalizerWeights NONE = new LocalizerWeights(null, null);

    /** One checkpoint of the whole model, its mapping detected. */
    public static LocalizerWeights whole(Path checkpoint) {
        return new LocalizerWeights(Checkpoint.of(checkpoint), Checkpoint.of(checkpoint));
    }

    public LocalizerWeights withBackbone(Checkpoint checkpoint) {
        return new LocalizerWeights(checkpoint, head);
    }

    public LocalizerWeights withHead(Checkpoint checkpoint) {
        return new LocalizerWeights(backbone, checkpoint);
    }

    public Consumer<ComposedModel> backboneLoader() {
        return loader(backbone, "backbone");
    }

    public Consumer<ComposedModel> headLoader() {
        return loader(head, "localization head");
    }

    /** Whether neither part has a checkpoint (its outputs mean nothing then). */
    public boolean none() {
        return backbone == null && head == null;
    }

    /** What identifies the weights in a feature cache: the backbone checkpoint's path, size and time. */
    public String backboneIdentity() {
        if (backbone == null) {
            return "backbone: seeded";
        }
        try {
            Path file = backbone.file().toAbsolutePath().normalize();
            return "backbone: " + file + " " + Files.size(file) + " " + Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read checkpoint " + backbone.file(), e);
        }
    }

    private static Consumer<ComposedModel> loader(Checkpoint checkpoint, String part) {
        return model -> {
            if (checkpoint == null) {
                return;
            }
            checkpoint.loadAllInto(model, part);
        };
    }
}
