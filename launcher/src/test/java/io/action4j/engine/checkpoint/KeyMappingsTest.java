package io.action4j.engine.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.action4j.api.model.CheckpointKeyMapping.Layout;
import io.action4j.api.model.CheckpointKeyMapping.Rule;
import io.action4j.api.model.CheckpointKeyMapping;
import io.action4j.endtoend.Launcher;
import io.action4j.plugins.resnet3d.ResNet3dBackboneFactory;
import io.action4j.plugins.s3d.S3dBackboneFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The built-in mappings, and those the resnet3d and s3d backbones declare for torchvision's checkpoints,
 * as a model with those backbones sees them. In the launcher's tests, where the plugins are on the class
 * path (in the engine's, their registrations would join the registry tests' fake components); the engine's
 * CheckpointLoaderTest loads a torchvision-keyed checkpoint with a mapping of its own.
 */
class KeyMappingsTest {

    /** What the two backbones declare, as {@code Checkpoint.loadInto} gathers it from a model's components. */
    static final KeyMappings DECLARED = KeyMappings.of(Stream.concat(
            new ResNet3dBackboneFactory().checkpointKeyMappings().stream(),
            new S3dBackboneFactory().checkpointKeyMappings().stream()).toList());

    static CheckpointKeyMapping declared(String name) {
        return DECLARED.named(name);
    }

    /** The real key sets of torchvision's r3d_18, mc3_18 and r2plus1d_18 (engine's make_checkpoints.py). */
    private static JsonNode torchvisionKeys() throws IOException {
        Path expected = Launcher.repository().resolve("engine/src/test/resources/checkpoints/expected.json");
        // The script writes float16 infinity as the JavaScript token Infinity.
        return JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build()
                .readTree(expected.toFile()).get("torchvision_keys");
    }

    @Test
    void mmaction2TurnsTheFirstDotIntoTheScope() {
        assertThat(KeyMappings.MMACTION2.toGraphName("backbone.layer1.0.conv1.conv.weight"))
                .contains("backbone/layer1.0.conv1.conv.weight");
        assertThat(KeyMappings.MMACTION2.toGraphName("cls_head.fc_cls.weight")).contains("cls_head/fc_cls.weight");
        assertThat(KeyMappings.MMACTION2.toGraphName("module.backbone.conv1.bn.running_mean"))
                .contains("backbone/conv1.bn.running_mean");
        assertThat(KeyMappings.MMACTION2.toGraphName("orphan")).isEmpty();
    }

    @Test
    void torchvisionVideoResnetNamesMapToTheGraphs() {
        CheckpointKeyMapping mapping = declared("torchvision_video_resnet");
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
        CheckpointKeyMapping mapping = declared("torchvision_r2plus1d");
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
    void everyRealTorchvisionKeyMapsToADistinctGraphName() throws IOException {
        JsonNode keySets = torchvisionKeys();
        for (String model : List.of("r3d_18", "mc3_18", "r2plus1d_18")) {
            List<String> keys = new ArrayList<>();
            keySets.get(model).fieldNames().forEachRemaining(keys::add);
            CheckpointKeyMapping mapping = DECLARED.detect(keys);
            assertThat(mapping.name()).as(model)
                    .isEqualTo(model.equals("r2plus1d_18") ? "torchvision_r2plus1d" : "torchvision_video_resnet");
            List<String> unmapped = new ArrayList<>();
            Set<String> names = new HashSet<>();
            for (String key : keys) {
                Optional<String> name = mapping.toGraphName(key);
                if (name.isEmpty()) {
                    unmapped.add(key);
                } else {
                    assertThat(names.add(name.get())).as(model + " " + key + " -> " + name.get() + " is unique").isTrue();
                    assertThat(name.get()).matches("(backbone|cls_head)/[a-z0-9_.]+");
                }
            }
            assertThat(unmapped).as(model).isEmpty();
        }
    }

    @Test
    void rulesCanBeAddedWithoutTouchingTheLoader() {
        CheckpointKeyMapping extended = declared("torchvision_video_resnet").withRules(
                List.of(Rule.of("^head\\.proj\\.(\\w+)$", "cls_head/fc_cls.$1")));

        assertThat(extended.toGraphName("head.proj.bias")).contains("cls_head/fc_cls.bias");
        assertThat(extended.toGraphName("stem.0.weight")).contains("backbone/conv1.conv.weight");
    }

    @Test
    void mappingsAreFoundByNameAndAnUnknownNameListsThoseOfTheModel() {
        assertThat(DECLARED.named("TORCHVISION_R2PLUS1D").name()).isEqualTo("torchvision_r2plus1d");
        assertThatThrownBy(() -> DECLARED.named("timm"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown key mapping 'timm'; known for this model: [mmaction2, torchvision_video_resnet, "
                        + "torchvision_r2plus1d, torchvision_s3d, graph]");
        assertThat(KeyMappings.builtIn().names()).containsExactly("mmaction2", "graph");
    }

    @Test
    void detectionFollowsTheKeysAndTheMostSpecificDeclarationWins() {
        assertThat(DECLARED.detect(List.of("backbone/conv1.conv.weight"))).isSameAs(KeyMappings.GRAPH);
        assertThat(DECLARED.detect(List.of("stem.0.weight", "fc.weight")).name()).isEqualTo("torchvision_video_resnet");
        assertThat(DECLARED.detect(List.of("stem.0.weight", "stem.3.weight")).name()).isEqualTo("torchvision_r2plus1d");
        assertThat(DECLARED.detect(List.of("features.0.0.0.weight")).name()).isEqualTo("torchvision_s3d");
        assertThat(DECLARED.detect(List.of("backbone.conv1.conv.weight"))).isSameAs(KeyMappings.MMACTION2);
        // A model without those backbones knows none of torchvision's: MMAction2's is the fallback.
        assertThat(KeyMappings.builtIn().detect(List.of("stem.0.weight", "stem.3.weight"))).isSameAs(KeyMappings.MMACTION2);
        CheckpointKeyMapping s3d = declared("torchvision_s3d");
        assertThat(s3d.toGraphName("features.5.branch1.1.0.0.weight")).hasValue("backbone/features.5.branch1.1.0.0.weight");
        assertThat(s3d.toGraphName("classifier.1.bias")).hasValue("cls_head/classifier.1.bias");
    }

    @Test
    void aDeclarationCannotTakeABuiltInNameOrAnotherDeclarationsName() {
        CheckpointKeyMapping graphImpostor = new CheckpointKeyMapping("graph", Layout.TORCH, List.of(), List.of());
        CheckpointKeyMapping other = new CheckpointKeyMapping("torchvision_s3d", Layout.TORCH,
                List.of(Rule.of("^(.+)$", "backbone/$1")), List.of("x"));

        assertThatThrownBy(() -> KeyMappings.of(List.of(graphImpostor)))
                .hasMessage("key mapping 'graph' is built in; a component cannot declare another under that name");
        assertThatThrownBy(() -> KeyMappings.of(List.of(declared("torchvision_s3d"), other)))
                .hasMessage("two components declare different key mappings named 'torchvision_s3d'");
        assertThat(KeyMappings.of(List.of(declared("torchvision_s3d"), declared("torchvision_s3d"))).names())
                .containsExactly("mmaction2", "torchvision_s3d", "graph");
    }
}
