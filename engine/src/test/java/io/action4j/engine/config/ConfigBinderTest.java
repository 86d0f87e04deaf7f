package io.action4j.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.action4j.api.ComponentKind;
import io.action4j.registry.PluginLoader;
import io.action4j.registry.PluginRegistry;
import io.action4j.registry.config.ComponentSpec;
import io.action4j.registry.config.ConfigBinder;
import io.action4j.registry.config.ConfigException;
import io.action4j.registry.config.ConfigLoader;
import io.action4j.registry.config.ConfigTree;
import io.action4j.registry.fakes.TinyBackboneFactory;
import io.action4j.registry.fakes.TinyHeadFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigBinderTest {

    private static final String CLS_HEAD = "  clsHead:\n    type: tiny_cls\n";

    private static PluginRegistry registry;

    @TempDir
    Path dir;

    private ConfigBinder binder;
    private Path file;

    @BeforeAll
    static void loadFakes() {
        registry = PluginLoader.load(ConfigBinderTest.class.getClassLoader(), List.of());
    }

    @Test
    void componentGivenOnlyItsTypeGetsTheDefaults() {
        ExperimentConfig config = bind("model:\n  backbone:\n    type: tiny3d\n" + CLS_HEAD);

        ComponentSpec backbone = config.model().backbone();
        assertThat(backbone.kind()).isEqualTo(ComponentKind.BACKBONE);
        assertThat(backbone.type()).isEqualTo("tiny3d");
        assertThat(backbone.config()).isEqualTo(new TinyBackboneFactory.Config(4, List.of(1, 3, 3)));
        assertThat(config.model().clsHead().config()).isEqualTo(new TinyHeadFactory.Config(3));
    }

    @Test
    void givenKeysOverrideTheDefaultsAndTheRestStay() {
        ExperimentConfig config = bind("model:\n  backbone:\n    type: tiny3d\n    width: 6\n" + CLS_HEAD);

        assertThat(config.model().backbone().config()).isEqualTo(new TinyBackboneFactory.Config(6, List.of(1, 3, 3)));
    }

    @Test
    void typeIsMatchedCaseInsensitively() {
        ExperimentConfig config = bind("model:\n  backbone:\n    type: TINY3D\n" + CLS_HEAD);

        assertThat(config.model().backbone().type()).isEqualTo("tiny3d");
    }

    @Test
    void unknownKeyNamesTheFileThePathTheKeyMostLikelyMeantAndTheKnownKeys() {
        assertBindFails(backboneWith("widht: 4"))
                .hasMessageStartingWith(file + ": model.backbone.widht: unknown key (did you mean 'width'?); known keys "
                        + "here: [kernel, width]");
    }

    @Test
    void unknownTypeNearAKnownOneSaysWhichItMostLikelyMeant() {
        assertBindFails("model:\n  backbone:\n    type: tiny3dd\n" + CLS_HEAD)
                .hasMessageContaining("unknown backbone 'tiny3dd' (did you mean 'tiny3d'?). Available backbones: tiny3d");
    }

    @Test
    void unknownModelKeyListsTheHeadsButNotTheDerivedTask() {
        assertBindFails("model:\n  backbone:\n    type: tiny3d\n" + CLS_HEAD + "  neck:\n    type: x\n")
                .hasMessageStartingWith(file + ": model.neck: unknown key")
                .hasMessageEndingWith("[backbone, clsHead, locHead, roiHead]");
    }

    @Test
    void stringIsNotAcceptedForAnInteger() {
        assertBindFails(backboneWith("width: \"abc\""))
                .hasMessageStartingWith(file + ": model.backbone.width: wrong type");
        assertBindFails(backboneWith("width: \"4\""))
                .hasMessageStartingWith(file + ": model.backbone.width: wrong type");
    }

    @Test
    void floatIsNotTruncatedToAnInteger() {
        assertBindFails(backboneWith("width: 4.5"))
                .hasMessageStartingWith(file + ": model.backbone.width: wrong type")
                .hasMessageContaining("4.5");
    }

    @Test
    void wrongTypeInsideAListNamesTheItem() {
        assertBindFails(backboneWith("kernel: [1, x, 3]")).hasMessageContaining("model.backbone.kernel[1]");
    }

    @Test
    void valueTheRecordRejectsNamesThePathAndTheProblem() {
        assertBindFails(backboneWith("width: 0"))
                .hasMessageStartingWith(file + ": model.backbone.width: must be positive");
    }

    @Test
    void unknownTypeListsTheAvailableBackbonesAndPointsToPluginsDirectories() {
        assertBindFails("model:\n  backbone:\n    type: resnet9000\n" + CLS_HEAD)
                .hasMessageContaining("model.backbone.type")
                .hasMessageContaining("unknown backbone 'resnet9000'")
                .hasMessageContaining("Available backbones: tiny3d")
                .hasMessageContaining("plugins directory");
    }

    @Test
    void componentWithoutTypeIsRejected() {
        assertBindFails("model:\n  backbone:\n    width: 4\n" + CLS_HEAD)
                .hasMessageContaining("model.backbone.type")
                .hasMessageContaining("needs 'type'")
                .hasMessageContaining("tiny3d");
    }

    @Test
    void componentGivenAsAScalarIsRejected() {
        assertBindFails("model:\n  backbone: tiny3d\n" + CLS_HEAD)
                .hasMessageContaining("model.backbone")
                .hasMessageContaining("expected a mapping with 'type'");
    }

    @Test
    void modelWithoutHeadIsRejected() {
        assertBindFails("model:\n  backbone:\n    type: tiny3d\n")
                .hasMessageContaining("model.clsHead")
                .hasMessageContaining("a model needs a head: clsHead, locHead or roiHead");
    }

    @Test
    void backboneWithTwoHeadsBinds() {
        ModelConfig model = bind("model:\n  backbone:\n    type: tiny3d\n" + CLS_HEAD + "  roiHead:\n    type: tiny_roi\n")
                .model();

        assertThat(model.tasks()).containsExactly(ModelConfig.Task.RECOGNITION, ModelConfig.Task.DETECTION);
    }

    @Test
    void recognitionHeadWithoutBackboneIsRejected() {
        assertBindFails("model:\n" + CLS_HEAD)
                .hasMessageContaining("model.backbone")
                .hasMessageContaining("is required with clsHead");
    }

    @Test
    void localizationHeadAfterABackboneBinds() {
        ModelConfig model = bind("model:\n  backbone:\n    type: tiny3d\n  locHead:\n    type: tiny_loc\n").model();

        assertThat(model.tasks()).containsExactly(ModelConfig.Task.LOCALIZATION);
        assertThat(model.backbone().type()).isEqualTo("tiny3d");
    }

    @Test
    void detectionHeadWithoutBackboneIsRejected() {
        assertBindFails("model:\n  roiHead:\n    type: tiny_roi\n")
                .hasMessageContaining("model.backbone")
                .hasMessageContaining("is required with roiHead");
    }

    @Test
    void tasksFollowTheHeads() {
        assertThat(bind("model:\n  locHead:\n    type: tiny_loc\n").model().tasks())
                .containsExactly(ModelConfig.Task.LOCALIZATION);
        assertThat(bind("model:\n  backbone:\n    type: tiny3d\n  roiHead:\n    type: tiny_roi\n").model().tasks())
                .containsExactly(ModelConfig.Task.DETECTION);
        ModelConfig recognition = bind("model:\n  backbone:\n    type: tiny3d\n" + CLS_HEAD).model();
        assertThat(recognition.tasks()).containsExactly(ModelConfig.Task.RECOGNITION);
        assertThat(recognition.locHead()).isNull();
        assertThat(recognition.roiHead()).isNull();
    }

    @Test
    void experimentWithoutModelIsRejected() {
        assertBindFails("seed: 1\n").hasMessageContaining("model: is required (or a 'data' section");
        assertBindFails("{}\n").hasMessageStartingWith(file + ": model: is required (or a 'data' section");
        assertBindFails("model: null\n").hasMessageStartingWith(file + ": model: is required (or a 'data' section");
    }

    @Test
    void errorNamesTheSetExpressionWhenTheBadValueCameFromAnOverride() {
        assertBindFails("model:\n  backbone:\n    type: tiny3d\n" + CLS_HEAD, "model.backbone.width=-2")
                .hasMessageStartingWith("--set model.backbone.width=-2: model.backbone.width: must be positive");
    }

    @Test
    void resolvedConfigHasTypeAndEveryDefault() {
        ExperimentConfig config = bind("model:\n  backbone:\n    type: TINY3D\n" + CLS_HEAD);

        JsonNode tree = binder.toTree(config);
        String yaml = binder.toYaml(config);

        assertThat(tree.at("/model/backbone/type").asText()).isEqualTo("tiny3d");
        assertThat(tree.at("/model/backbone/width").asInt()).isEqualTo(4);
        assertThat(tree.at("/model/backbone/kernel").toString()).isEqualTo("[1,3,3]");
        assertThat(tree.at("/model/clsHead/numClasses").asInt()).isEqualTo(3);
        assertThat(tree.at("/model").has("locHead")).isFalse();
        assertThat(yaml).contains("type: tiny3d", "width: 4", "numClasses: 3").doesNotContain("locHead", "task");
    }

    @Test
    void bindingTheResolvedConfigAgainGivesAnEqualConfig() {
        ExperimentConfig config = bind("model:\n  backbone:\n    type: tiny3d\n    width: 5\n" + CLS_HEAD);

        ObjectNode resolved = (ObjectNode) binder.toTree(config);
        ExperimentConfig again = binder.bind(new ConfigTree(resolved, Map.of(), "resolved"), ExperimentConfig.class);
        ExperimentConfig fromYaml = binder.bind(new ConfigLoader().parse(binder.toYaml(config), "yaml"),
                ExperimentConfig.class);

        assertThat(again).isEqualTo(config);
        assertThat(fromYaml).isEqualTo(config);
    }

    @Test
    void stringsThatLookLikeNumbersStayStringsInTheYaml() {
        binder = new ConfigBinder(registry);

        String yaml = binder.toYaml(Map.of("version", "1.0", "label", "4", "count", 4));
        JsonNode again = new ConfigLoader().parse(yaml, "yaml").root();

        assertThat(again.get("version").isTextual()).as(yaml).isTrue();
        assertThat(again.get("label").isTextual()).as(yaml).isTrue();
        assertThat(again.get("count").isInt()).as(yaml).isTrue();
    }

    private static String backboneWith(String line) {
        return "model:\n  backbone:\n    type: tiny3d\n    " + line + "\n" + CLS_HEAD;
    }

    private ExperimentConfig bind(String yaml, String... overrides) {
        ConfigTree tree = new ConfigLoader().load(write(yaml), List.of(overrides));
        binder = new ConfigBinder(registry);
        return binder.bind(tree, ExperimentConfig.class);
    }

    private AbstractThrowableAssert<?, ? extends Throwable> assertBindFails(String yaml, String... overrides) {
        return assertThatThrownBy(() -> bind(yaml, overrides)).isInstanceOf(ConfigException.class);
    }

    private Path write(String yaml) {
        try {
            file = dir.resolve("experiment.yaml");
            return Files.writeString(file, yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
