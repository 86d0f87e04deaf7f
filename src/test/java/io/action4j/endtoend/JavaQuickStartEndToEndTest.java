package io.action4j.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "Using action4j from Java": its Java block, taken from the README as it stands,
 * compiles against the modules and recognises a generated video as the {@code recognize} command
 * does; its Maven block names artifacts that the BOM and the starter provide.
 */
class JavaQuickStartEndToEndTest {

    private static final String SECTION = "## Using action4j from Java";
    private static final List<String> SYNTH_CLASSES = List.of("move_left", "move_right", "move_up", "move_down",
            "rotate_cw", "rotate_ccw", "grow", "shrink", "still");

    @TempDir
    Path folder;

    @Test
    void javaBlockCompilesAndRecognisesLikeTheCommand() throws Exception {
        String java = block("java");
        Path sources = Files.createDirectories(folder.resolve("src"));
        Path classes = Files.createDirectories(folder.resolve("classes"));
        Path source = Files.writeString(sources.resolve("RecognizeVideo.java"), java);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        StringWriter diagnostics = new StringWriter();
        boolean compiled = compiler.getTask(diagnostics, null, null, List.of("-d", classes.toString(), "-cp",
                System.getProperty("java.class.path")), null,
                compiler.getStandardFileManager(null, null, StandardCharsets.UTF_8).getJavaFileObjects(source)).call();
        assertThat(compiled).as(diagnostics.toString()).isTrue();

        Path video = folder.resolve("grow.mp4");
        Launcher.Result demo = Launcher.run("demo", "--motion", "grow", "--seed", "11", "--keep", video.toString(),
                "--tasks", "recognition");
        assertThat(demo.exitCode()).as(demo.err()).isZero();
        Path labels = Files.write(folder.resolve("labels.txt"), SYNTH_CLASSES);
        Path config = Launcher.repository().resolve("configs/recognition/synth/r3d-small_synth.yaml");
        Path checkpoint = Launcher.repository()
                .resolve("launcher/src/main/resources/io/action4j/launcher/demo/r3d-small_synth.safetensors");

        String printed = runProgram(classes, config.toString(), checkpoint.toString(), labels.toString(),
                video.toString());
        Launcher.Result command = Launcher.run("recognize", "--config", config.toString(), "--checkpoint",
                checkpoint.toString(), "--labels", labels.toString(), "--top-k", "3", video.toString());

        assertThat(command.exitCode()).as(command.err()).isZero();
        List<String[]> program = printed.lines().map(line -> line.trim().split("\\s+")).toList();
        assertThat(program).hasSize(3);
        for (String[] top : program) {
            assertThat(command.out()).containsPattern(Pattern.quote(top[0]) + "\\s+" + Pattern.quote(top[1]));
        }
        assertThat(SYNTH_CLASSES).contains(program.get(0)[0]);
    }

    @Test
    void detectionBlockCompilesAndFindsWhatTheCommandFinds() throws Exception {
        Path classes = compile("DetectActions", blocks("java").get(1));
        Path data = folder.resolve("ava");
        Launcher.Result synth = Launcher.run("synth", "--ava", "--out", data.toString(), "--videos", "0,0,1",
                "--duration", "6", "--threads", "1");
        assertThat(synth.exitCode()).as(synth.err()).isZero();
        Path video = data.resolve("videos/test_0000.mp4");
        Path config = Launcher.repository().resolve("configs/detection/synth/r3d-small_ava-synth.yaml");
        Path checkpoint = Launcher.repository()
                .resolve("launcher/src/main/resources/io/action4j/launcher/demo/r3d-small_ava-synth.safetensors");
        String boxes = "gt:" + data.resolve("test.csv");
        String labels = data.resolve("ava_action_list.pbtxt").toString();

        ChildJvm.Result program = ChildJvm.run(List.of("-Xmx1g"), List.of(classes), "DetectActions",
                List.of(config.toString(), checkpoint.toString(), labels, boxes, video.toString()), Map.of(), folder);
        Launcher.Result command = Launcher.run("detect", "--config", config.toString(), "--checkpoint",
                checkpoint.toString(), "--label-map", labels, "--boxes", boxes, "--min-box-score", "0.5",
                "--top", "1000", "--no-video", "--out-dir", folder.resolve("out").toString(), video.toString());

        assertThat(program.exitCode()).as(program.stderr()).isZero();
        assertThat(command.exitCode()).as(command.err()).isZero();
        List<String> found = program.stdout().lines().toList();
        assertThat(found).isNotEmpty().allSatisfy(line -> assertThat(command.out()).contains("  " + line + "\n"));
        assertThat(command.out()).contains(found.size() + " action segments");
    }

    /** {@code source} compiled as class {@code name}; returns the classes folder. */
    private Path compile(String name, String source) throws IOException {
        Path sources = Files.createDirectories(folder.resolve("src-" + name));
        Path classes = Files.createDirectories(folder.resolve("classes-" + name));
        Path file = Files.writeString(sources.resolve(name + ".java"), source);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        StringWriter diagnostics = new StringWriter();
        boolean compiled = compiler.getTask(diagnostics, null, null, List.of("-d", classes.toString(), "-cp",
                System.getProperty("java.class.path")), null,
                compiler.getStandardFileManager(null, null, StandardCharsets.UTF_8).getJavaFileObjects(file)).call();
        assertThat(compiled).as(diagnostics.toString()).isTrue();
        return classes;
    }

    @Test
    void mavenBlockNamesTheBomAndTheStarter() throws IOException {
        String xml = block("xml");
        Path root = Launcher.repository();
        String bom = Files.readString(root.resolve("bom/pom.xml"));
        String starter = Files.readString(root.resolve("starter/pom.xml"));
        String parent = Files.readString(root.resolve("pom.xml"));

        assertThat(xml).contains("<artifactId>action4j-bom</artifactId>").contains("<scope>import</scope>")
                .contains("<artifactId>action4j-starter</artifactId>");
        Matcher version = Pattern.compile("<version>([^<]+)</version>").matcher(xml);
        assertThat(version.find()).isTrue();
        assertThat(parent).contains("<version>" + version.group(1) + "</version>");
        assertThat(bom).contains("<version>" + version.group(1) + "</version>")
                .contains("<artifactId>action4j-starter</artifactId>");
        for (String module : List.of("action4j-registry", "action4j-native-builds", "action4j-plugin-video",
                "action4j-plugin-sampling", "action4j-plugin-transforms", "action4j-plugin-resnet3d",
                "action4j-plugin-recognition-heads", "action4j-localization", "action4j-spatiotemporal")) {
            assertThat(starter).as("the starter carries " + module).contains("<artifactId>" + module + "</artifactId>");
            assertThat(bom).as("the BOM manages " + module).contains("<artifactId>" + module + "</artifactId>");
        }
    }

    /** The first fenced block of the given language in the README's Java section. */
    private static String block(String language) throws IOException {
        return blocks(language).get(0);
    }

    /** Every fenced block of the given language in the README's Java section, in order. */
    private static List<String> blocks(String language) throws IOException {
        String readme = Files.readString(Launcher.repository().resolve("README.md"));
        int section = readme.indexOf(SECTION);
        assertThat(section).as("README section '" + SECTION + "'").isNotNegative();
        int next = readme.indexOf("\n## ", section + SECTION.length());
        String text = readme.substring(section, next < 0 ? readme.length() : next);
        Matcher fence = Pattern.compile("```" + language + "\\n(.*?)```", Pattern.DOTALL).matcher(text);
        List<String> found = new java.util.ArrayList<>();
        while (fence.find()) {
            found.add(fence.group(1));
        }
        assertThat(found).as("a ```" + language + " block in '" + SECTION + "'").isNotEmpty();
        return found;
    }

    /** The compiled program in a JVM of its own, as a user runs it; returns what it printed. */
    private String runProgram(Path classes, String... args) throws IOException, InterruptedException {
        ChildJvm.Result program = ChildJvm.run(List.of("-Xmx1g"), List.of(classes), "RecognizeVideo", List.of(args),
                Map.of(), folder);
        assertThat(program.exitCode()).as(program.stderr()).isZero();
        return program.stdout();
    }
}
