package io.action4j.registry.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    private static final String BASE_MODEL = """
            model:
              backbone:
                type: tiny3d
                width: 8
                kernel: [1, 3, 3]
              clsHead:
                type: tiny_cls
                numClasses: 5
            """;

    @TempDir
    Path dir;

    private final ConfigLoader loader = new ConfigLoader();

    @Test
    void childIsDeepMergedOverItsBase() {
        write("base.yaml", BASE_MODEL);
        Path child = write("child.yaml", """
                _base_: base.yaml
                model:
                  backbone:
                    width: 16
                """);

        JsonNode root = loader.load(child).root();

        assertThat(root.at("/model/backbone/width").asInt()).isEqualTo(16);
        assertThat(root.at("/model/backbone/type").asText()).isEqualTo("tiny3d");
        assertThat(root.at("/model/clsHead/numClasses").asInt()).isEqualTo(5);
        assertThat(root.has("_base_")).isFalse();
    }

    @Test
    void twoBasesAreMergedInOrderThenTheFileOnTop() {
        write("first.yaml", "a: 1\nb: 1\nc: 1\n");
        write("second.yaml", "b: 2\nc: 2\n");
        Path child = write("child.yaml", "_base_: [first.yaml, second.yaml]\nc: 3\n");

        JsonNode root = loader.load(child).root();

        assertThat(root.get("a").asInt()).isEqualTo(1);
        assertThat(root.get("b").asInt()).isEqualTo(2);
        assertThat(root.get("c").asInt()).isEqualTo(3);
    }

    @Test
    void baseIsResolvedRelativeToTheIncludingFileInNestedFolders() {
        write("configs/_base_/models/tiny.yaml", BASE_MODEL);
        write("configs/_base_/default.yaml", "_base_: models/tiny.yaml\nseed: 7\n");
        Path child = write("configs/recognition/tiny/child.yaml", "_base_: ../../_base_/default.yaml\n");

        JsonNode root = loader.load(child).root();

        assertThat(root.get("seed").asInt()).isEqualTo(7);
        assertThat(root.at("/model/backbone/width").asInt()).isEqualTo(8);
    }

    @Test
    void deleteTrueReplacesTheInheritedMappingInsteadOfMerging() {
        write("base.yaml", BASE_MODEL);
        Path child = write("child.yaml", """
                _base_: base.yaml
                model:
                  backbone:
                    _delete_: true
                    type: other
                """);

        JsonNode backbone = loader.load(child).root().at("/model/backbone");

        assertThat(backbone.get("type").asText()).isEqualTo("other");
        assertThat(backbone.has("width")).isFalse();
        assertThat(backbone.has("_delete_")).isFalse();
    }

    @Test
    void deleteKeyNeverReachesTheMergedTreeEvenInsideANewMapping() {
        write("base.yaml", "seed: 1\n");
        Path child = write("child.yaml", """
                _base_: base.yaml
                model:
                  backbone:
                    _delete_: true
                    type: tiny3d
                """);

        JsonNode backbone = loader.load(child).root().at("/model/backbone");

        assertThat(backbone.has("_delete_")).isFalse();
        assertThat(backbone.get("type").asText()).isEqualTo("tiny3d");
    }

    @Test
    void deleteInABaseOnlyAppliesToThatBasesOwnParents() {
        write("first.yaml", "model:\n  backbone:\n    type: a\n    width: 8\n");
        write("second.yaml", "model:\n  backbone:\n    _delete_: true\n    type: b\n");
        Path child = write("child.yaml", "_base_: [first.yaml, second.yaml]\n");

        JsonNode backbone = loader.load(child).root().at("/model/backbone");

        assertThat(backbone.has("_delete_")).isFalse();
        assertThat(backbone.get("type").asText()).isEqualTo("b");
        assertThat(backbone.get("width").asInt()).as("second.yaml has no base to replace").isEqualTo(8);
    }

    @Test
    void listsReplaceInsteadOfMerging() {
        write("base.yaml", BASE_MODEL);
        Path child = write("child.yaml", "_base_: base.yaml\nmodel:\n  backbone:\n    kernel: [3]\n");

        JsonNode kernel = loader.load(child).root().at("/model/backbone/kernel");

        assertThat(kernel.size()).isEqualTo(1);
        assertThat(kernel.get(0).asInt()).isEqualTo(3);
    }

    @Test
    void inheritanceCycleNamesTheChain() {
        write("a.yaml", "_base_: b.yaml\nx: 1\n");
        write("b.yaml", "_base_: a.yaml\ny: 1\n");

        assertLoadFails(dir.resolve("a.yaml"))
                .hasMessageContaining("inheritance cycle")
                .hasMessageContaining("a.yaml -> ")
                .hasMessageContaining("b.yaml -> ")
                .hasMessageContaining("_base_");
    }

    @Test
    void missingBaseNamesTheIncludingFileAndTheBaseKey() {
        Path child = write("child.yaml", "_base_: nowhere.yaml\n");

        assertLoadFails(child)
                .hasMessageStartingWith(child.toString() + ": _base_: ")
                .hasMessageContaining("nowhere.yaml")
                .hasMessageContaining("not found");
    }

    @Test
    void missingFileIsReported() {
        Path missing = dir.resolve("missing.yaml");

        assertLoadFails(missing).hasMessageContaining(missing.toString()).hasMessageContaining("not found");
    }

    @Test
    void emptyFileIsReported() {
        Path empty = write("empty.yaml", "  \n");

        assertLoadFails(empty).hasMessageContaining(empty.toString()).hasMessageContaining("empty");
    }

    @Test
    void invalidYamlNamesTheLine() {
        Path bad = write("bad.yaml", "a: 1\nb: 2\n  c: 3\n");

        assertLoadFails(bad).hasMessageStartingWith(bad + ": not valid YAML at line 3, column ");
    }

    @Test
    void jsonFileIsReadAsJson() {
        Path json = write("model.json", "{\"model\": {\"backbone\": {\"type\": \"tiny3d\", \"width\": 6}}}");

        JsonNode root = loader.load(json).root();

        assertThat(root.at("/model/backbone/width").asInt()).isEqualTo(6);
    }

    @Test
    void invalidJsonIsReportedAsJson() {
        Path json = write("model.json", "{\"model\": }");

        assertLoadFails(json).hasMessageContaining("not valid JSON");
    }

    @Test
    void rootThatIsAListIsRejected() {
        Path list = write("list.yaml", "- a\n- b\n");

        assertLoadFails(list).hasMessageContaining(list.toString()).hasMessageContaining("mapping").hasMessageContaining("list");
    }

    @Test
    void deleteThatIsNotABooleanIsRejectedWithItsPath() {
        write("base.yaml", BASE_MODEL);
        Path child = write("child.yaml", "_base_: base.yaml\nmodel:\n  backbone:\n    _delete_: yes please\n");

        assertLoadFails(child)
                .hasMessageContaining(child.toString())
                .hasMessageContaining("model.backbone._delete_")
                .hasMessageContaining("true or false");
    }

    @Test
    void setCreatesNestedKeysWithTypedValues() {
        Path file = write("c.yaml", "seed: 1\n");

        JsonNode root = loader.load(file, List.of(
                "model.backbone.depth=18", "a.flag=true", "a.list=[1, 2]", "a.name=abc")).root();

        assertThat(root.at("/model/backbone/depth").isInt()).isTrue();
        assertThat(root.at("/model/backbone/depth").asInt()).isEqualTo(18);
        assertThat(root.at("/a/flag").isBoolean()).isTrue();
        assertThat(root.at("/a/flag").booleanValue()).isTrue();
        assertThat(root.at("/a/list").isArray()).isTrue();
        assertThat(root.at("/a/list/1").asInt()).isEqualTo(2);
        assertThat(root.at("/a/name").isTextual()).isTrue();
        assertThat(root.at("/a/name").asText()).isEqualTo("abc");
    }

    @Test
    void setWithoutEqualsSignIsRejected() {
        Path file = write("c.yaml", "seed: 1\n");

        assertThatThrownBy(() -> loader.load(file, List.of("model.depth")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("--set model.depth")
                .hasMessageContaining("key.path=value");
    }

    @Test
    void setThroughAScalarNamesThePath() {
        Path file = write("c.yaml", "seed: 1\n");

        assertThatThrownBy(() -> loader.load(file, List.of("seed.value=2")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("--set seed.value=2")
                .hasMessageContaining("inside seed")
                .hasMessageContaining("number");
    }

    @Test
    void originNamesTheBaseWhenTheValueCameFromTheBase() {
        Path base = write("base.yaml", BASE_MODEL);
        Path child = write("child.yaml", "_base_: base.yaml\nseed: 3\n");

        ConfigTree tree = loader.load(child);

        assertThat(tree.sourceOf("model.backbone.width")).isEqualTo(base.toString());
        assertThat(tree.sourceOf("seed")).isEqualTo(child.toString());
    }

    @Test
    void originNamesTheChildWhenItOverridesTheValue() {
        write("base.yaml", BASE_MODEL);
        Path child = write("child.yaml", "_base_: base.yaml\nmodel:\n  backbone:\n    width: 2\n");

        ConfigTree tree = loader.load(child);

        assertThat(tree.sourceOf("model.backbone.width")).isEqualTo(child.toString());
        assertThat(tree.sourceOf("model.backbone.kernel[1]")).endsWith("base.yaml");
    }

    @Test
    void originNamesTheSetExpressionWhenOverriddenOnTheCommandLine() {
        write("base.yaml", BASE_MODEL);
        Path child = write("child.yaml", "_base_: base.yaml\n");

        ConfigTree tree = loader.load(child, List.of("model.backbone.width=32"));

        assertThat(tree.sourceOf("model.backbone.width")).isEqualTo("--set model.backbone.width=32");
        assertThat(tree.root().at("/model/backbone/width").asInt()).isEqualTo(32);
    }

    @Test
    void setReachesIntoListsByIndexAndIsBlamedForWhatItPutThere() {
        write("base.yaml", "data:\n  pipeline:\n    - type: resize\n      scale: [-1, 128]\n    - type: center_crop\n"
                + "      cropSize: 112\n");
        Path child = write("child.yaml", "_base_: base.yaml\n");

        ConfigTree tree = loader.load(child, List.of("data.pipeline[1].cropSize=[0,0]", "data.pipeline.0.scale[1]=160"));

        assertThat(tree.root().at("/data/pipeline/1/cropSize").toString()).isEqualTo("[0,0]");
        assertThat(tree.root().at("/data/pipeline/0/scale/1").asInt()).isEqualTo(160);
        assertThat(tree.root().at("/data/pipeline/0/type").asText()).isEqualTo("resize");
        assertThat(tree.sourceOf("data.pipeline[1].cropSize[0]")).isEqualTo("--set data.pipeline[1].cropSize=[0,0]");
        assertThat(tree.sourceOf("data.pipeline[0].scale[1]")).isEqualTo("--set data.pipeline.0.scale[1]=160");
        assertThat(tree.sourceOf("data.pipeline[1].type")).endsWith("base.yaml");
    }

    @Test
    void aListIndexOutsideTheListOrIntoAMappingIsNamed() {
        write("base.yaml", "data:\n  pipeline:\n    - type: resize\n");
        Path child = write("child.yaml", "_base_: base.yaml\n");

        assertThatThrownBy(() -> loader.load(child, List.of("data.pipeline[3].x=1")))
                .hasMessage("--set data.pipeline[3].x=1: data.pipeline[3].x: data.pipeline has 1 item(s), so index 3 "
                        + "is outside it");
        assertThatThrownBy(() -> loader.load(child, List.of("data[0]=1")))
                .hasMessageContaining("data is a mapping, not a list, so [0] names nothing");
        assertThatThrownBy(() -> loader.load(child, List.of("data.pipeline[x]=1")))
                .hasMessageContaining("a list index is a whole number in brackets");
    }

    @Test
    void originsOfTheFirstBaseSurviveASecondBaseWithTheSameSection() {
        Path first = write("first.yaml", "model:\n  backbone:\n    type: tiny3d\n");
        Path second = write("second.yaml", "model:\n  clsHead:\n    type: tiny_cls\n");
        Path child = write("child.yaml", "_base_: [first.yaml, second.yaml]\n");

        ConfigTree tree = loader.load(child);

        assertThat(tree.sourceOf("model.backbone.type")).isEqualTo(first.toString());
        assertThat(tree.sourceOf("model.clsHead.type")).isEqualTo(second.toString());
    }

    @Test
    void parsedTextCannotHaveBases() {
        assertThatThrownBy(() -> loader.parse("_base_: x.yaml\n", "builtin"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("builtin: _base_: ");
    }

    private AbstractThrowableAssert<?, ? extends Throwable> assertLoadFails(Path file) {
        return assertThatThrownBy(() -> loader.load(file)).isInstanceOf(ConfigException.class);
    }

    private Path write(String relative, String content) {
        try {
            Path file = dir.resolve(relative);
            Files.createDirectories(file.getParent());
            return Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
