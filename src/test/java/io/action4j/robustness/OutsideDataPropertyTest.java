package io.action4j.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.action4j.engine.checkpoint.CheckpointException;
import io.action4j.engine.checkpoint.Safetensors;
import io.action4j.engine.checkpoint.TensorData;
import io.action4j.engine.checkpoint.TorchCheckpoints;
import io.action4j.engine.config.ExperimentConfig;
import io.action4j.engine.data.AnnotationFormat;
import io.action4j.engine.data.AnnotationList;
import io.action4j.engine.data.NpyFiles;
import io.action4j.engine.recognition.PredictionsFile;
import io.action4j.localization.activitynet.ActivityNetFiles;
import io.action4j.registry.PluginLoader;
import io.action4j.registry.PluginRegistry;
import io.action4j.registry.config.ConfigBinder;
import io.action4j.registry.config.ConfigException;
import io.action4j.registry.config.ConfigLoader;
import io.action4j.registry.config.ConfigTree;
import io.action4j.spatiotemporal.ava.AvaCsvReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Every parser of outside data, given random and mutated files: it returns a result or throws the
 * project's own exception with a message for the user; never another exception type, a library's
 * internals in the message, a hang or a crash. Cases per property: {@code jqwik.tries} (150 in CI;
 * {@code mvn -pl launcher -am test -Dtest=OutsideDataPropertyTest -Djqwik.tries=20000} for a long run).
 */
class OutsideDataPropertyTest {

    /** Text a user should never see: Java or library class names, Jackson's advice, stack frames. */
    private static final Pattern INTERNALS = Pattern.compile(
            "com\\.fasterxml|org\\.yaml|snakeyaml|JsonReadFeature|CoercionConfig|MapperFeature|java\\.lang\\."
                    + "|java\\.util\\.|java\\.io\\.|java\\.nio\\.|[A-Za-z]+Exception\\b|\\bat \\[Source");
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final String[] TOKENS = {"NaN", "Infinity", "-1", "0", "1e400", "99999999999999999999", "\"", "'",
        ",", ";", ":", "\n", "\r\n", "{", "}", "[", "]", "\u0000", "\t", " ", "é", "\uFFFF", "null", "true", "-",
        "_base_: other.yaml\n", "&a [*a]", "!!binary", "9223372036854775807", "1.5", "#"};

    private static final PluginRegistry REGISTRY = PluginLoader.load(OutsideDataPropertyTest.class.getClassLoader(),
            List.of());
    private static final Path REPOSITORY = Path.of(System.getProperty("action4j.repository", ".."));
    private static final Path FIXTURES = REPOSITORY.resolve("../shared/fixtures/mmaction2/tests/data");

    // ---- configs and --set ----

    @Property
    void configs(@ForAll("configTexts") byte[] text) {
        expectOnly(() -> {
            ConfigTree tree = new ConfigLoader().parse(new String(text, StandardCharsets.UTF_8), "fuzz.yaml");
            new ConfigBinder(REGISTRY).bind(tree, ExperimentConfig.class);
        }, ConfigException.class);
    }

    @Provide
    Arbitrary<byte[]> configTexts() {
        return mutatedOrRandom(read(REPOSITORY.resolve("configs/recognition/synth/r3d-small_synth.yaml")),
                read(REPOSITORY.resolve("configs/localization/bmn/bmn_400x100_activitynet-feature.yaml")));
    }

    @Property
    void overrides(@ForAll("overrideTexts") byte[] override) {
        ConfigLoader loader = new ConfigLoader();
        expectOnly(() -> {
            ConfigTree tree = loader.load(REPOSITORY.resolve("configs/recognition/synth/r3d-small_synth.yaml"),
                    List.of(new String(override, StandardCharsets.UTF_8)));
            new ConfigBinder(REGISTRY).bind(tree, ExperimentConfig.class);
        }, ConfigException.class);
    }

    @Provide
    Arbitrary<byte[]> overrideTexts() {
        return mutatedOrRandom(utf8("optimizer.lr=0.01"), utf8("data.pipeline[0].cropSize=[0,0]"),
                utf8("model.head.numClasses=9"), utf8("data.sampler={clipLen: 8, frameInterval: 4}"),
                utf8("trainDataloader.batchSize=16"));
    }

    // ---- annotation lists, predictions ----

    @Property
    void annotationLists(@ForAll("annotationTexts") byte[] content, @ForAll boolean rawframes) {
        expectOnlyForFile(content, ".txt", file -> AnnotationList.read(file,
                rawframes ? AnnotationFormat.RAWFRAMES : AnnotationFormat.VIDEOS, null, false, rawframes),
                IOException.class);
    }

    @Provide
    Arbitrary<byte[]> annotationTexts() {
        return mutatedOrRandom(utf8("a.mp4 1\nsome/b.mp4 0\n"), utf8("frames/a 1 64 3\nframes/b 0 32 1\n"),
                utf8("x.mp4 1 2 5\n"));
    }

    @Property
    void predictions(@ForAll("predictionTexts") byte[] content) {
        expectOnlyForFile(content, ".jsonl", PredictionsFile::read, IOException.class);
    }

    @Provide
    Arbitrary<byte[]> predictionTexts() {
        return mutatedOrRandom(utf8("{\"video\": \"a.mp4\", \"scores\": [0.2, 0.8], \"label\": 1}\n"
                + "{\"video\": \"b.mp4\", \"scores\": [0.6, 0.4], \"labels\": [0, 1]}\n"));
    }

    // ---- arrays and checkpoints ----

    @Property
    void npyArrays(@ForAll("npyBytes") byte[] content) {
        expectOnlyForFile(content, ".npy", NpyFiles::readFloat32, IOException.class);
    }

    @Provide
    Arbitrary<byte[]> npyBytes() {
        return mutatedOrRandom(written(file -> NpyFiles.writeFloat32(file, new float[] {1, 2, 3, 4, 5, 6}, 2, 3)));
    }

    @Property
    void safetensors(@ForAll("safetensorsBytes") byte[] content) {
        expectOnlyForFile(content, ".safetensors", Safetensors::read, CheckpointException.class);
    }

    @Provide
    Arbitrary<byte[]> safetensorsBytes() {
        Map<String, TensorData> tensors = new LinkedHashMap<>();
        tensors.put("backbone.conv1.weight", new TensorData("backbone.conv1.weight", new long[] {2, 3},
                new float[] {1, 2, 3, 4, 5, 6}));
        tensors.put("cls_head.fc.bias", new TensorData("cls_head.fc.bias", new long[] {2}, new float[] {0.5f, -0.5f}));
        return mutatedOrRandom(written(file -> Safetensors.write(file, tensors, Map.of("format", "pt"))),
                read(REPOSITORY.resolve("engine/src/test/resources/checkpoints/dtypes.safetensors")));
    }

    /** The restricted unpickler: the pickle inside a real PyTorch zip is mutated, the zip kept whole. */
    @Property
    void pickles(@ForAll("pickleBytes") byte[] pickle) {
        byte[] archive = withPickle(REPOSITORY.resolve("engine/src/test/resources/checkpoints/dtypes.pth"), pickle);
        expectOnlyForFile(archive, ".pth", TorchCheckpoints::read, CheckpointException.class);
    }

    @Provide
    Arbitrary<byte[]> pickleBytes() {
        return mutatedOrRandom(pickleOf(REPOSITORY.resolve("engine/src/test/resources/checkpoints/dtypes.pth")),
                pickleOf(REPOSITORY.resolve("engine/src/test/resources/checkpoints/mmaction2_style.pth")));
    }

    // ---- AVA and ActivityNet ----

    @Property
    void avaCsvs(@ForAll("avaTexts") byte[] content) {
        expectOnlyForFile(content, ".csv", AvaCsvReader::read, IOException.class);
    }

    @Provide
    Arbitrary<byte[]> avaTexts() {
        return mutatedOrRandom(firstLines(FIXTURES.resolve("eval_detection/gt.csv"), 12),
                firstLines(FIXTURES.resolve("ava_dataset/ava_sample.csv"), 12));
    }

    @Property
    void activityNetJson(@ForAll("activityNetTexts") byte[] results) {
        Path groundTruth = FIXTURES.resolve("eval_localization/gt.json");
        expectOnlyForFile(results, ".json", file -> ActivityNetFiles.read(groundTruth, file), IOException.class);
        expectOnlyForFile(results, ".json", ActivityNetFiles::readGroundTruth, IOException.class);
    }

    @Provide
    Arbitrary<byte[]> activityNetTexts() {
        return mutatedOrRandom(utf8("{\"results\": {\"bYUmtLBL7W4\": [{\"label\": \"Wakeboarding\", \"score\": 0.65, "
                        + "\"segment\": [0.0, 206.3]}]}}"),
                utf8("{\"v_a\": {\"duration\": 12.5, \"subset\": \"validation\", \"annotations\": "
                        + "[{\"segment\": [1.0, 4.5], \"label\": \"Run\"}]}}"));
    }

    // ---- the property ----

    @FunctionalInterface
    private interface FileParser {
        Object parse(Path file) throws Exception;
    }

    @FunctionalInterface
    private interface Parse {
        void run() throws Exception;
    }

    private static void expectOnlyForFile(byte[] content, String suffix, FileParser parser,
                                          Class<? extends Exception> allowed) {
        Path file;
        try {
            file = Files.createTempFile("action4j-fuzz", suffix);
            Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            expectOnly(() -> parser.parse(file), allowed);
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // A temporary file left behind does not change the verdict.
            }
        }
    }

    /** Runs {@code parse}: a result, or {@code allowed} with a message a user can read; nothing else. */
    private static void expectOnly(Parse parse, Class<? extends Exception> allowed) {
        Throwable thrown = assertTimeoutPreemptively(PATIENCE, () -> {
            try {
                parse.run();
                return null;
            } catch (Throwable e) {
                return e;
            }
        });
        if (thrown == null) {
            return;
        }
        assertThat(thrown).as("exception type").isInstanceOf(allowed);
        assertThat(thrown.getMessage()).as("message of %s", thrown).isNotBlank();
        assertThat(INTERNALS.matcher(thrown.getMessage()).find()).as("library internals in: %s", thrown.getMessage())
                .isFalse();
    }

    // ---- inputs ----

    /** Half the cases are seeds with 1-4 mutations; the rest random bytes. */
    private static Arbitrary<byte[]> mutatedOrRandom(byte[]... seeds) {
        Arbitrary<byte[]> mutated = Combinators.combine(Arbitraries.of(seeds), Arbitraries.integers().between(1, 4),
                Arbitraries.longs()).as((seed, count, random) -> mutate(seed, count, new Random(random)));
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
        return Arbitraries.oneOf(mutated, random);
    }

    private static byte[] mutate(byte[] seed, int count, Random random) {
        List<Byte> bytes = new ArrayList<>();
        for (byte b : seed) {
            bytes.add(b);
        }
        for (int i = 0; i < count; i++) {
            int at = bytes.isEmpty() ? 0 : random.nextInt(bytes.size());
            switch (random.nextInt(6)) {
                case 0 -> truncate(bytes, at);
                case 1 -> {
                    if (!bytes.isEmpty()) {
                        bytes.set(at, (byte) random.nextInt(256));
                    }
                }
                case 2 -> insert(bytes, at, TOKENS[random.nextInt(TOKENS.length)].getBytes(StandardCharsets.UTF_8));
                case 3 -> {
                    int end = Math.min(bytes.size(), at + 1 + random.nextInt(16));
                    bytes.subList(at, end).clear();
                }
                case 4 -> {
                    int end = Math.min(bytes.size(), at + 1 + random.nextInt(32));
                    List<Byte> copy = new ArrayList<>(bytes.subList(at, end));
                    bytes.addAll(Math.min(bytes.size(), at + random.nextInt(64)), copy);
                }
                default -> {
                    // A digit changed: the sizes, counts and offsets that headers and lists hold.
                    for (int j = 0; j < bytes.size(); j++) {
                        int k = (at + j) % bytes.size();
                        if (bytes.get(k) >= '0' && bytes.get(k) <= '9') {
                            bytes.set(k, (byte) ('0' + random.nextInt(10)));
                            break;
                        }
                    }
                }
            }
        }
        byte[] result = new byte[bytes.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = bytes.get(i);
        }
        return result;
    }

    private static void truncate(List<Byte> bytes, int at) {
        bytes.subList(at, bytes.size()).clear();
    }

    private static void insert(List<Byte> bytes, int at, byte[] token) {
        for (int i = token.length - 1; i >= 0; i--) {
            bytes.add(at, token[i]);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] firstLines(Path file, int lines) {
        try (var stream = Files.lines(file)) {
            return utf8(String.join("\n", stream.limit(lines).toList()) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FunctionalInterface
    private interface Writer {
        void write(Path file) throws Exception;
    }

    private static byte[] written(Writer writer) {
        try {
            Path file = Files.createTempFile("action4j-seed", ".bin");
            try {
                writer.write(file);
                return Files.readAllBytes(file);
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot make a seed", e);
        }
    }

    private static byte[] pickleOf(Path archive) {
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                if (entry.getName().endsWith("/data.pkl")) {
                    return zip.getInputStream(entry).readAllBytes();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException(archive + " has no data.pkl");
    }

    /** {@code archive} with its pickle replaced by {@code pickle}: storages and version as they were. */
    private static byte[] withPickle(Path archive, byte[] pickle) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipFile zip = new ZipFile(archive.toFile()); ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(entry.getName().endsWith("/data.pkl") ? pickle : zip.getInputStream(entry).readAllBytes());
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
