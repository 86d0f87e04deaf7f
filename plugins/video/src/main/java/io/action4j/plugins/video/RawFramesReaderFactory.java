package io.action4j.plugins.video;

import io.action4j.api.video.VideoDecoder;
import io.action4j.api.video.VideoReaderFactory;

/** Registers rawframe folders ({@code img_00001.jpg}, ...; flow {@code x_/y_}) as {@value #NAME}. */
public final class RawFramesReaderFactory implements VideoReaderFactory<RawFramesConfig> {

    public static final String NAME = "rawframes";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<RawFramesConfig> configType() {
        return RawFramesConfig.class;
    }

    @Override
    public RawFramesConfig defaultConfig() {
        return RawFramesConfig.DEFAULTS;
    }

    @Override
    public VideoDecoder create(RawFramesConfig config) {
        return folder -> RawFramesReader.open(folder, config);
    }

    @Override
    public String description() {
        return "folders of frame images (MMAction2 rawframes), RGB or optical flow";
    }
}
