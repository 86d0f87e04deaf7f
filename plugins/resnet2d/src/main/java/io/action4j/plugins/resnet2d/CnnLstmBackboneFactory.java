package io.action4j.plugins.resnet2d;

import io.action4j.api.model.Backbone;
import io.action4j.api.model.BackboneFactory;

/** Registers {@link CnnLstmBackbone} as {@value #NAME}. */
public final class CnnLstmBackboneFactory implements BackboneFactory<CnnLstmConfig> {

    public static final String NAME = "cnn_lstm";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<CnnLstmConfig> configType() {
        return CnnLstmConfig.class;
    }

    @Override
    public CnnLstmConfig defaultConfig() {
        return CnnLstmConfig.DEFAULTS;
    }

    @Override
    public Backbone create(CnnLstmConfig config) {
        return new CnnLstmBackbone(config);
    }

    @Override
    public String description() {
        return "a 2D ResNet on each frame, an LSTM over the frames (LRCN, beyond short snippets)";
    }
}
