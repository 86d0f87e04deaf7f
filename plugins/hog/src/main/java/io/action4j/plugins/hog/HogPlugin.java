package io.action4j.plugins.hog;

import io.action4j.api.VideoPlugin;
import io.action4j.api.detection.PersonBoxSourceFactory;
import java.util.List;

/** OpenCV's HOG people detector as a person-box source, {@code hog}. */
public final class HogPlugin implements VideoPlugin {

    @Override
    public String apiVersion() {
        return VideoPlugin.API_VERSION;
    }

    @Override
    public List<PersonBoxSourceFactory<?>> personBoxSources() {
        return List.of(new HogFactory());
    }
}
