package io.action4j.plugins.tfjs.nanodet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.action4j.api.detection.Keyframe;
import io.action4j.api.detection.PersonBox;
import io.action4j.api.detection.PersonBoxSource;
import io.action4j.api.video.VideoFrame;
import io.action4j.plugins.tfjs.graph.TfjsGraphModel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The real NanoDet-m, imported into SameDiff, against tfjs 4.22 running the same files
 * ({@code src/test/node/nanodet_reference.mjs} wrote {@code nanodet/reference.json}): raw outputs on a generated
 * pattern and on a real frame (OpenCV's vtest.avi, frame 100), and the person boxes on that frame.
 * Skips, saying why, when the model has not been fetched.
 */
class NanoDetParityTest {

    /** Raw outputs: the brief's bound for the whole network. */
    private static final double RAW_TOLERANCE = 1e-4;
    private static final int SIZE = 416;

    private static TfjsGraphModel model;
    private static JsonNode reference;
    private static VideoFrame frame;

    /** Per test, not per class: surefire reports a skip from {@code @BeforeAll} as no tests at all. */
    @BeforeEach
    void loadModelAndReferenceOnce() throws IOException {
        Path folder = NanoDetModel.folderOrSkip();
        if (model != null) {
            return;
        }
        model = TfjsGraphModel.load(folder.resolve(NanoDetModelFiles.MODEL_JSON));
        try (InputStream json = NanoDetParityTest.class.getResourceAsStream("/nanodet/reference.json");
             InputStream rgb = NanoDetParityTest.class.getResourceAsStream("/nanodet/vtest_frame100_384x288.rgb")) {
            reference = new ObjectMapper().readTree(json);
            frame = new VideoFrame(100, 384, 288, 3, rgb.readAllBytes());
        }
    }

    @Test
    void rawOutputsOnAPatternMatchTfjs() {
        assertMatchesTfjs(run(pattern()), reference.get("pattern"));
    }

    @Test
    void rawOutputsOnARealFrameMatchTfjsPreprocessingIncluded() {
        assertMatchesTfjs(run(NanoDetInput.of(frame, SIZE, "nanodet")), reference.get("frame").get("nanodet")
                .get("outputs"));
    }

    @ParameterizedTest(name = "normalization {0}")
    @ValueSource(strings = {"nanodet", "human"})
    void personBoxesOnARealFrameMatchTfjs(String normalization) {
        JsonNode expected = reference.get("frame").get(normalization).get("persons");
        NanoDetConfig config = new NanoDetConfig(NanoDetModel.folderOrSkip().toString(), 0.35, 0.5, SIZE,
                normalization);
        List<PersonBox> people;
        try (PersonBoxSource detector = new NanoDetPersonDetectorFactory().create(config)) {
            people = detector.boxes(new Keyframe("vtest", 10.0, frame));
        }

        assertThat(people).hasSize(expected.size()).hasSizeGreaterThanOrEqualTo(5);
        for (int i = 0; i < people.size(); i++) {
            PersonBox person = people.get(i);
            JsonNode want = expected.get(i);
            assertThat(person.score()).as("score %d", i).isCloseTo((float) want.get("score").asDouble(), within(1e-4f));
            assertThat(new float[] {person.box().x1(), person.box().y1(), person.box().x2(), person.box().y2()})
                    .as("box %d", i)
                    .containsExactly(new float[] {(float) want.get("x1").asDouble(), (float) want.get("y1").asDouble(),
                        (float) want.get("x2").asDouble(), (float) want.get("y2").asDouble()}, within(1e-4f));
        }
    }

    /** The generated input of nanodet_reference.mjs, in [0, 1]. */
    private static float[] pattern() {
        float[] values = new float[3 * SIZE * SIZE];
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < SIZE; y++) {
                for (int x = 0; x < SIZE; x++) {
                    values[(c * SIZE + y) * SIZE + x] = (float) (((x * 7 + y * 13 + c * 29 + (x * y) % 17) % 256) / 255.0);
                }
            }
        }
        return values;
    }

    private static Map<String, INDArray> run(float[] input) {
        return model.run(Map.of("input_1", Nd4j.create(input, new long[] {1, 3, SIZE, SIZE}, DataType.FLOAT)));
    }

    private static void assertMatchesTfjs(Map<String, INDArray> outputs, JsonNode expected) {
        assertThat(outputs.keySet()).containsExactlyInAnyOrderElementsOf(expected::fieldNames);
        double worst = 0;
        for (Map.Entry<String, INDArray> output : outputs.entrySet()) {
            JsonNode want = expected.get(output.getKey());
            float[] values = output.getValue().ravel().toFloatVector();
            assertThat(output.getValue().shape()).as(output.getKey())
                    .containsExactly(new long[] {want.get("shape").get(0).asLong(), want.get("shape").get(1).asLong(),
                        want.get("shape").get(2).asLong()});
            for (int i = 0; i < want.get("indices").size(); i++) {
                int index = want.get("indices").get(i).asInt();
                double difference = Math.abs(values[index] - want.get("values").get(i).asDouble());
                worst = Math.max(worst, difference);
                assertThat(difference).as("%s[%d]", output.getKey(), index).isLessThanOrEqualTo(RAW_TOLERANCE);
            }
            double sum = 0;
            float min = Float.POSITIVE_INFINITY;
            float max = Float.NEGATIVE_INFINITY;
            for (float value : values) {
                sum += value;
                min = Math.min(min, value);
                max = Math.max(max, value);
            }
            assertThat(min).as(output.getKey() + " min").isCloseTo((float) want.get("min").asDouble(), within(1e-4f));
            assertThat(max).as(output.getKey() + " max").isCloseTo((float) want.get("max").asDouble(), within(1e-4f));
            assertThat(sum / values.length).as(output.getKey() + " mean")
                    .isCloseTo(want.get("mean").asDouble(), within(1e-5));
        }
        System.out.printf("NanoDet-m raw outputs vs tfjs: max abs difference over the samples %.3g%n", worst);
    }
}
