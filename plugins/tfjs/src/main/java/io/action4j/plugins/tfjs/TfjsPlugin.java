package io.action4j.plugins.tfjs;

import io.action4j.api.VideoPlugin;
import io.action4j.api.detection.PersonBoxSourceFactory;
import io.action4j.plugins.tfjs.nanodet.NanoDetPersonDetectorFactory;
import java.util.List;

/** TensorFlow.js graph models in SameDiff; contributes the {@code nanodet} person detector. */
public final class TfjsPlugin implements VideoPlugin {

    @Override
    public String apiVersion() {
        return VideoPlugin.API_VERSION;
    }

    @Override
    public List<PersonBoxSourceFactory<?>> personBoxSources() {
        return List.of(new NanoDetPersonDetectorFactory());
    }
}
