package io.action4j.engine.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KeyMappingTest {

    @Test
    void mmaction2TurnsTheFirstDotIntoTheScope() {
        assertThat(KeyMapping.MMACTION2.toGraphName("backbone.layer1.0.conv1.conv.weight"))
                .contains("backbone/layer1.0.conv1.conv.weight");
        assertThat(KeyMapping.MMACTION2.toGraphName("cls_head.fc_cls.weight")).contains("cls_head/fc_cls.weight");
        assertThat(KeyMapping.MMACTION2.toGraphName("module.backbone.conv1.bn.running_mean"))
                .contains("backbone/conv1.bn.running_mean");
        assertThat(KeyMapping.MMACTION2.toGraphName("orphan")).isEmpty();
    }

    @Test
    void torchvisionVideoResnetNamesMapToTheGraphs() {
        KeyMapping mapping = KeyMapping.TORCHVISION_VIDEO_RESNET;
        assertThat(mapping.toGraphName("stem.0.weight")).contains("backbone/conv1.conv.weight");
        assertThat(mapping.toGraphName("stem.1.running_var")).contains("backbone/conv1.bn.running_var");
        assertThat(mapping.toGraphName("layer3.1.conv2.0.weight")).contains("backbone/layer3.1.conv2.conv.weight");
        assertThat(mapping.toGraphName("layer3.1.conv2.1.bias")).contains("backbone/layer3.1.conv2.bn.bias");
        assertThat(mapping.toGraphName("layer2.0.downsample.0.weight")).contains("backbone/layer2.0.downsample.conv.weight");
        assertThat(mapping.toGraphName("layer2.0.downsample.1.weight")).contains("backbone/layer2.0.downsample.bn.weight");
        assertThat(mapping.toGraphName("fc.weight")).contains("cls_head/fc_cls.weight");
    }

    @Test
    void r2plus1dSplitsEachConvolutionIntoSpatialAndTemporal() {
        KeyMapping mapping = KeyMapping.TORCHVISION_R2PLUS1D;
        assertThat(mapping.toGraphName("stem.0.weight")).contains("backbone/conv1.conv_s.weight");
        assertThat(mapping.toGraphName("stem.1.weight")).contains("backbone/conv1.bn_s.weight");
        assertThat(mapping.toGraphName("stem.3.weight")).contains("backbone/conv1.conv_t.weight");
        assertThat(mapping.toGraphName("stem.4.running_mean")).contains("backbone/conv1.bn.running_mean");
        assertThat(mapping.toGraphName("layer1.0.conv1.0.0.weight")).contains("backbone/layer1.0.conv1.conv_s.weight");
        assertThat(mapping.toGraphName("layer1.0.conv1.0.1.bias")).contains("backbone/layer1.0.conv1.bn_s.bias");
        assertThat(mapping.toGraphName("layer1.0.conv1.0.3.weight")).contains("backbone/layer1.0.conv1.conv_t.weight");
        assertThat(mapping.toGraphName("layer1.0.conv2.1.running_var")).contains("backbone/layer1.0.conv2.bn.running_var");
    }

    @Test
    void everyRealTorchvisionKeyMapsToADistinctGraphName() {
        JsonNode keySets = Fixtures.expected("torchvision_keys");
        for (String model : List.of("r3d_18", "mc3_18", "r2plus1d_18")) {
            KeyMapping mapping = model.equals("r2plus1d_18") ? KeyMapping.TORCHVISION_R2PLUS1D
                    : KeyMapping.TORCHVISION_VIDEO_RESNET;
            List<String> unmapped = new ArrayList<>();
            Set<String> names = new HashSet<>();
            keySets.get(model).fieldNames().forEachRemaining(key -> {
                Optional<String> name = mapping.toGraphName(key);
                if (name.isEmpty()) {
                    unmapped.add(key);
                } else {
                    assertThat(names.add(name.get())).as(model + " " + key + " -> " + name.get() + " is unique").isTrue();
                    assertThat(name.get()).matches("(backbone|cls_head)/[a-z0-9_.]+");
                }
            });
            assertThat(unmapped).as(model).isEmpty();
        }
    }

    @Test
    void rulesCanBeAddedWithoutTouchingTheLoader() {
        KeyMapping extended = KeyMapping.TORCHVISION_VIDEO_RESNET.withRules(
                List.of(KeyMapping.Rule.of("^head\\.proj\\.(\\w+)$", "cls_head/fc_cls.$1")));

        assertThat(extended.toGraphName("head.proj.bias")).contains("cls_head/fc_cls.bias");
        assertThat(extended.toGraphName("stem.0.weight")).contains("backbone/conv1.conv.weight");
    }

    @Test
    void builtInMappingsAreFoundByNameAndAnUnknownNameListsThem() {
        assertThat(KeyMapping.named("TORCHVISION_R2PLUS1D")).isSameAs(KeyMapping.TORCHVISION_R2PLUS1D);
        assertThatThrownBy(() -> KeyMapping.named("timm"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown key mapping 'timm'")
                .hasMessageContaining("mmaction2, torchvision_video_resnet, torchvision_r2plus1d, torchvision_s3d, graph");
    }

    @Test
    void detectionFollowsTheKeys() {
        assertThat(KeyMapping.detect(java.util.List.of("backbone/conv1.conv.weight"))).isSameAs(KeyMapping.GRAPH);
        assertThat(KeyMapping.detect(java.util.List.of("stem.0.weight", "fc.weight"))).isSameAs(KeyMapping.TORCHVISION_VIDEO_RESNET);
        assertThat(KeyMapping.detect(java.util.List.of("stem.0.weight", "stem.3.weight"))).isSameAs(KeyMapping.TORCHVISION_R2PLUS1D);
        assertThat(KeyMapping.detect(java.util.List.of("features.0.0.0.weight"))).isSameAs(KeyMapping.TORCHVISION_S3D);
        assertThat(KeyMapping.detect(java.util.List.of("backbone.conv1.conv.weight"))).isSameAs(KeyMapping.MMACTION2);
        assertThat(KeyMapping.TORCHVISION_S3D.toGraphName("features.5.branch1.1.0.0.weight"))
                .hasValue("backbone/features.5.branch1.1.0.0.weight");
        assertThat(KeyMapping.TORCHVISION_S3D.toGraphName("classifier.1.bias")).hasValue("cls_head/classifier.1.bias");
    }
}
