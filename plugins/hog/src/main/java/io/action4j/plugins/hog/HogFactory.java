package io.action4j.plugins.hog;

import io.action4j.api.detection.PersonBoxSource;
import io.action4j.api.detection.PersonBoxSourceFactory;

/** Creates {@link HogPeopleDetector}. */
public final class HogFactory implements PersonBoxSourceFactory<HogConfig> {

    public static final String NAME = "hog";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<HogConfig> configType() {
        return HogConfig.class;
    }

    @Override
    public HogConfig defaultConfig() {
        return HogConfig.DEFAULTS;
    }

    @Override
    public PersonBoxSource create(HogConfig config) {
        return new HogPeopleDetector(config);
    }

    @Override
    public String description() {
        return "OpenCV's HOG people detector (no weights file): standing and walking people at least 128 px tall";
    }
}
