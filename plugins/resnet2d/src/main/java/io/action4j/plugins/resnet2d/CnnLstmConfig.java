package io.action4j.plugins.resnet2d;

import io.action4j.api.ConfigChecks;
import java.util.List;

/**
 * CNN + LSTM (Donahue et al.'s LRCN, Ng et al.'s "beyond short snippets"): a 2D ResNet on every frame,
 * each frame's features averaged over space and fed in order to an LSTM.
 *
 * @param trunk the 2D ResNet run on each frame
 * @param inChannels channels of a frame (3 for RGB)
 * @param hiddenSize the LSTM's hidden size
 * @param output {@code mean}: the hidden states averaged over time (LRCN averages its per-step predictions,
 *     the same after the head's linear layer); {@code last}: the last hidden state
 */
public record CnnLstmConfig(Trunk2dConfig trunk, int inChannels, int hiddenSize, String output) {

    static final List<String> OUTPUTS = List.of("mean", "last");

    public static final CnnLstmConfig DEFAULTS = new CnnLstmConfig(Trunk2dConfig.DEFAULTS, 3, 256, "mean");

    public CnnLstmConfig {
        ConfigChecks.required("trunk", trunk);
        ConfigChecks.positive("inChannels", inChannels);
        ConfigChecks.positive("hiddenSize", hiddenSize);
        ConfigChecks.oneOf("output", ConfigChecks.required("output", output), OUTPUTS);
    }
}
