package io.action4j.api.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;

/** Reading the JSON fixtures that torchvision's ops wrote (RoIAlign, RoIPool) and comparing against them. */
final class TorchvisionFixture {

    private TorchvisionFixture() {
    }

    static JsonNode read(String resource) throws IOException {
        try (InputStream in = TorchvisionFixture.class.getResourceAsStream(resource)) {
            return new ObjectMapper().readTree(in);
        }
    }

    /** The largest difference stays below {@code tolerance}. */
    static void assertClose(String what, float[] actual, float[] expected, double tolerance) {
        assertThat(actual).as(what).hasSameSizeAs(expected);
        double largest = 0;
        for (int i = 0; i < expected.length; i++) {
            largest = Math.max(largest, Math.abs(actual[i] - expected[i]));
        }
        assertThat(largest).as(what + ": largest difference").isLessThan(tolerance);
    }

    static float[] floats(JsonNode array) {
        float[] values = new float[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) array.get(i).asDouble();
        }
        return values;
    }

    static long[] longs(JsonNode array) {
        long[] values = new long[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).asLong();
        }
        return values;
    }
}
