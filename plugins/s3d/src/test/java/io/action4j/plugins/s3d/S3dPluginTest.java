package io.action4j.plugins.s3d;

import static org.assertj.core.api.Assertions.assertThat;

import io.action4j.api.ComponentFactory;
import io.action4j.api.VideoPlugin;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class S3dPluginTest {

    private static VideoPlugin loaded() {
        List<VideoPlugin> plugins = ServiceLoader.load(VideoPlugin.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(plugin -> plugin instanceof S3dPlugin)
                .toList();
        assertThat(plugins).hasSize(1);
        return plugins.get(0);
    }

    @Test
    void serviceLoaderFindsThePluginBuiltAgainstThisApi() {
        assertThat(loaded().apiVersion()).isEqualTo(VideoPlugin.API_VERSION);
    }

    @Test
    void pluginContributesTheS3dBackboneAndHeadAndNothingElse() {
        VideoPlugin plugin = loaded();

        assertThat(plugin.backbones()).extracting(ComponentFactory::name).containsExactly("s3d");
        assertThat(plugin.recognitionHeads()).extracting(ComponentFactory::name).containsExactly("s3d");
        assertThat(plugin.videoReaders()).isEmpty();
        assertThat(plugin.localizationHeads()).isEmpty();
        assertThat(plugin.detectionHeads()).isEmpty();
    }

    @Test
    void factoriesDeclareTheirNamesConfigsAndDefaults() {
        S3dBackboneFactory backbone = new S3dBackboneFactory();
        S3dHeadFactory head = new S3dHeadFactory();

        assertThat(backbone.name()).isEqualTo(S3dBackboneFactory.NAME).matches("[a-z][a-z0-9_.]*");
        assertThat(backbone.configType()).isEqualTo(S3dConfig.class);
        assertThat(backbone.defaultConfig()).isEqualTo(S3dConfig.DEFAULTS);
        assertThat(backbone.description()).isNotBlank();
        assertThat(backbone.create(S3dConfig.DEFAULTS)).isInstanceOf(S3dBackbone.class);
        assertThat(head.name()).isEqualTo(S3dHeadFactory.NAME).matches("[a-z][a-z0-9_.]*");
        assertThat(head.configType()).isEqualTo(S3dHeadConfig.class);
        assertThat(head.defaultConfig()).isEqualTo(S3dHeadConfig.DEFAULTS);
        assertThat(head.description()).isNotBlank();
        assertThat(head.create(S3dHeadConfig.DEFAULTS).numClasses()).isEqualTo(400);
    }
}
