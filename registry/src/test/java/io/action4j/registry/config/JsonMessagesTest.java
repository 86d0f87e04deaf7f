package io.action4j.registry.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class JsonMessagesTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aSyntaxErrorSaysWhereAndWhatWithoutTheParsersEchoOfItsInput() {
        assertThat(describe("{\"a\": [1, 2}")).isEqualTo("line 1, column 13: Unexpected close marker '}': expected ']'");
        assertThat(describe("{\"a\" 1}")).isEqualTo("line 1, column 7: Unexpected character ('1'): was expecting a colon "
                + "to separate field name and value");
    }

    @Test
    void anUnclosedObjectEndsWithWhatIsMissingNotHalfTheParsersBookkeeping() {
        // A JSON line cut short: Jackson adds "(start marker at [Source: ...; line: 1, column: 1])".
        assertThat(describe("{\"video\": \"a.mp4\", \"scores\": [0.6, 0.4]"))
                .isEqualTo("line 1, column 40: Unexpected end-of-input: expected close marker for Object");
    }

    @Test
    void nanSaysWhatToWriteNotHowToConfigureJackson() {
        assertThat(describe("{\"a\": NaN}")).isEqualTo("line 1, column 10: 'NaN' is not a number in JSON; write a finite number");
    }

    @Test
    void aWrongTypeNamesTheKindOfValueNotAJavaClass() {
        assertThatThrownBy(() -> json.readValue("\"h100\"", int.class)).satisfies(e ->
                assertThat(JsonMessages.problem((JsonProcessingException) e)).isEqualTo("expected a whole number, got string \"h100\""));
        assertThatThrownBy(() -> json.readValue("[1]", Double.class)).satisfies(e ->
                assertThat(JsonMessages.problem((JsonProcessingException) e)).isEqualTo("expected a number, got array"));
    }

    @Test
    void yamlParserEventsAreNamedAsAUserWritesThem() {
        assertThat(JsonMessages.clean("Expected a field name (Scalar value in YAML), got this instead: "
                + "<org.yaml.snakeyaml.events.MappingStartEvent(anchor=null, tag=null, implicit=true)>"))
                .isEqualTo("Expected a field name (Scalar value in YAML), got this instead: a mapping");
    }

    @Test
    void adviceAboutJacksonsOwnFeaturesIsDropped() {
        assertThat(JsonMessages.clean("Unexpected character ('+') in numeric value: JSON spec does not allow numbers to have "
                + "plus signs: enable `JsonReadFeature.ALLOW_LEADING_PLUS_SIGN_FOR_NUMBERS` to allow"))
                .isEqualTo("Unexpected character ('+') in numeric value: JSON spec does not allow numbers to have plus signs");
        assertThat(JsonMessages.clean("Cannot coerce Floating-point value (Infinity) to `int` value (but could if coercion "
                + "was enabled using `CoercionConfig`)")).isEqualTo("expected a whole number, got floating-point Infinity");
        assertThat(JsonMessages.clean("Cannot coerce empty String (\"\") to `java.lang.Integer` value (but could if "
                + "coercion was enabled using `CoercionConfig`)")).isEqualTo("expected a whole number, got empty string \"\"");
    }

    private String describe(String text) {
        try {
            json.readTree(text);
        } catch (JsonProcessingException e) {
            return JsonMessages.describe(e);
        }
        throw new AssertionError("parsed: " + text);
    }
}
