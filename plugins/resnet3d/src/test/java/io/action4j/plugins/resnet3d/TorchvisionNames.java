package io.action4j.plugins.resnet3d;

import io.action4j.api.model.CheckpointKeyMapping;

/**
 * torchvision's VideoResNet state-dict keys to this backbone's parameter names (without the
 * {@code backbone/} scope), for the parity test: through the mappings the backbone declares
 * ({@link TorchvisionKeyMappings}), so the parity fixtures check those too.
 */
final class TorchvisionNames {

    private static final String SCOPE = "backbone/";

    private TorchvisionNames() {
    }

    /** E.g. {@code layer2.0.conv1.0.3.weight} to {@code layer2.0.conv1.conv_t.weight}. */
    static String graphName(String torchvisionKey, boolean factorisedStem) {
        CheckpointKeyMapping mapping = factorisedStem ? TorchvisionKeyMappings.R2PLUS1D : TorchvisionKeyMappings.VIDEO_RESNET;
        String name = mapping.toGraphName(torchvisionKey).orElseThrow(
                () -> new IllegalArgumentException("no graph name for torchvision key " + torchvisionKey));
        if (!name.startsWith(SCOPE)) {
            throw new IllegalArgumentException(torchvisionKey + " maps to " + name + ", outside the backbone");
        }
        return name.substring(SCOPE.length());
    }
}
