package io.action4j.plugins.video;

import static org.assertj.core.api.Assertions.assertThat;

import io.action4j.api.ComponentFactory;
import io.action4j.api.VideoPlugin;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class VideoReadersPluginTest {

    @Test
    void serviceLoaderFindsBothReaders() {
        VideoPlugin plugin = ServiceLoader.load(VideoPlugin.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(VideoReadersPlugin.class::isInstance)
                .findFirst().orElseThrow();

        assertThat(plugin.apiVersion()).isEqualTo(VideoPlugin.API_VERSION);
        assertThat(plugin.videoReaders()).extracting(ComponentFactory::name).containsExactly("ffmpeg", "rawframes");
    }
}
