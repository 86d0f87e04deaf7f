package io.action4j.plugins.sampling;

import static org.assertj.core.api.Assertions.assertThat;

import io.action4j.api.ComponentFactory;
import io.action4j.api.VideoPlugin;
import io.action4j.api.sampling.ClipSampler;
import io.action4j.api.sampling.ClipSamplerFactory;
import io.action4j.api.sampling.SamplingRequest;
import java.util.List;
import java.util.ServiceLoader;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SamplingPluginTest {

    @Test
    void serviceLoaderFindsThePluginWithEverySampler() {
        List<VideoPlugin> plugins = ServiceLoader.load(VideoPlugin.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(SamplingPlugin.class::isInstance)
                .toList();

        assertThat(plugins).hasSize(1);
        VideoPlugin plugin = plugins.get(0);
        assertThat(plugin.apiVersion()).isEqualTo(VideoPlugin.API_VERSION);
        assertThat(plugin.clipSamplers()).extracting(ComponentFactory::name).containsExactlyInAnyOrder(
                "sample_frames", "dense_sample_frames", "untrimmed_sample_frames", "sample_ava_frames",
                "sliding_windows");
        assertThat(plugin.transforms()).isEmpty();
    }

    @Test
    void everyFactoryNamesItselfAndBuildsFromItsDefaults() {
        for (ClipSamplerFactory<?> factory : new SamplingPlugin().clipSamplers()) {
            assertThat(factory.name()).matches("[a-z][a-z0-9_.]*");
            assertThat(factory.description()).isNotBlank();
            assertThat(factory.defaultConfig()).isInstanceOf(factory.configType());
            ClipSampler sampler = createWithDefaults(factory);
            var selection = sampler.sample(new SamplingRequest(300, 30, 0, java.util.OptionalInt.of(150)),
                    new SplittableRandom(7));
            assertThat(java.util.Arrays.stream(selection.indices()).boxed().toList())
                    .isNotEmpty().allSatisfy(i -> assertThat(i).isBetween(0, 299));
        }
    }

    @Test
    void seededRunsRepeat() {
        ClipSampler sampler = new SampleFramesSampler(new SampleFramesConfig(8, 4, 3, false, true, false, "loop", false));
        SamplingRequest request = SamplingRequest.of(500, 25);
        assertThat(sampler.sample(request, new SplittableRandom(42)).indices())
                .containsExactly(sampler.sample(request, new SplittableRandom(42)).indices());
    }

    private static <C extends Record> ClipSampler createWithDefaults(ClipSamplerFactory<C> factory) {
        return factory.create(factory.defaultConfig());
    }
}
