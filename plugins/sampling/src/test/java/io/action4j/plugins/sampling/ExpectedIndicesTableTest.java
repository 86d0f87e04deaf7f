package io.action4j.plugins.sampling;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.action4j.api.sampling.ClipSampler;
import io.action4j.api.sampling.FrameSelection;
import io.action4j.api.sampling.SamplingRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Compares every sampler with {@code expected_indices.json}, written by
 * {@code generate_expected_indices.py} from MMAction2 v1.2.0's arithmetic. Train-mode cases feed
 * the script's random values through {@link ScriptedRandom}.
 */
class ExpectedIndicesTableTest {

    private static final String FIXTURE = "/expected_indices.json";

    static Stream<Named<JsonNode>> cases() throws IOException {
        List<Named<JsonNode>> cases = new ArrayList<>();
        for (JsonNode node : readFixture().get("cases")) {
            cases.add(Named.of(node.get("sampler").asText() + ": " + node.get("name").asText(), node));
        }
        return cases.stream();
    }

    @Test
    void fixtureCoversAtLeastFortyCasesOfEverySampler() throws IOException {
        JsonNode cases = readFixture().get("cases");
        assertThat(cases.size()).isGreaterThanOrEqualTo(40);
        List<String> samplers = new ArrayList<>();
        cases.forEach(node -> samplers.add(node.get("sampler").asText()));
        assertThat(samplers).contains(SampleFramesFactory.NAME, DenseSampleFramesFactory.NAME,
                UntrimmedSampleFramesFactory.NAME, SampleAvaFramesFactory.NAME, SlidingWindowsFactory.NAME);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void samplesTheExpectedIndices(JsonNode expected) {
        ClipSampler sampler = samplerFor(expected.get("sampler").asText(), expected.get("params"));
        JsonNode keyframe = expected.get("keyframe");
        SamplingRequest request = new SamplingRequest(expected.get("totalFrames").asInt(), 30.0,
                expected.get("startIndex").asInt(),
                keyframe.isNull() ? OptionalInt.empty() : OptionalInt.of(keyframe.asInt()));
        ScriptedRandom random = new ScriptedRandom(ints(expected.get("ints")), doubles(expected.get("doubles")));

        FrameSelection selection = sampler.sample(request, random);

        assertThat(selection.indices()).containsExactly(ints(expected.get("indices")));
        assertThat(selection.clipLen()).isEqualTo(expected.get("clipLen").asInt());
        assertThat(selection.numClips()).isEqualTo(expected.get("numClips").asInt());
        assertThat(random.bounds()).containsExactly(boxed(ints(expected.get("intBounds"))));
        assertThat(random.allConsumed()).as("every scripted value drawn").isTrue();
    }

    private static ClipSampler samplerFor(String name, JsonNode p) {
        return switch (name) {
            case SampleFramesFactory.NAME -> new SampleFramesFactory().create(new SampleFramesConfig(
                    p.get("clipLen").asInt(), p.get("frameInterval").asInt(), p.get("numClips").asInt(),
                    p.get("testMode").asBoolean(), p.get("temporalJitter").asBoolean(),
                    p.get("twiceSample").asBoolean(), p.get("outOfBoundOpt").asText(),
                    p.get("keepTailFrames").asBoolean()));
            case DenseSampleFramesFactory.NAME -> new DenseSampleFramesFactory().create(new DenseSampleFramesConfig(
                    p.get("clipLen").asInt(), p.get("frameInterval").asInt(), p.get("numClips").asInt(),
                    p.get("sampleRange").asInt(), p.get("numSamplePositions").asInt(),
                    p.get("testMode").asBoolean(), p.get("temporalJitter").asBoolean(),
                    p.get("outOfBoundOpt").asText()));
            case UntrimmedSampleFramesFactory.NAME -> new UntrimmedSampleFramesFactory().create(
                    new UntrimmedSampleFramesConfig(p.get("clipLen").asInt(), p.get("clipInterval").asInt(),
                            p.get("frameInterval").asInt()));
            case SampleAvaFramesFactory.NAME -> new SampleAvaFramesFactory().create(new SampleAvaFramesConfig(
                    p.get("clipLen").asInt(), p.get("frameInterval").asInt(), p.get("testMode").asBoolean()));
            case SlidingWindowsFactory.NAME -> new SlidingWindowsFactory().create(new SlidingWindowsConfig(
                    p.get("windowFrames").asInt(), p.get("strideFrames").asInt(), p.get("clipLen").asInt(),
                    p.get("frameInterval").asInt(), p.get("tailWindow").asText()));
            default -> throw new AssertionError("unknown sampler " + name);
        };
    }

    private static JsonNode readFixture() throws IOException {
        try (InputStream in = ExpectedIndicesTableTest.class.getResourceAsStream(FIXTURE)) {
            assertThat(in).as(FIXTURE).isNotNull();
            return new ObjectMapper().readTree(in);
        }
    }

    private static int[] ints(JsonNode array) {
        int[] values = new int[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).asInt();
        }
        return values;
    }

    private static double[] doubles(JsonNode array) {
        double[] values = new double[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).asDouble();
        }
        return values;
    }

    private static Integer[] boxed(int[] values) {
        return java.util.Arrays.stream(values).boxed().toArray(Integer[]::new);
    }
}
