package com.example.acme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.action4j.api.ConfigValueException;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlainConvNetConfigTest {

    @Test
    void defaultsAreThreeStagesOnRgb() {
        PlainConvNetConfig defaults = new PlainConvNetFactory().defaultConfig();

        assertThat(defaults.widths()).containsExactly(32, 64, 128);
        assertThat(defaults.inChannels()).isEqualTo(3);
    }

    @Test
    void aStageWidthMustBePositive() {
        assertThatThrownBy(() -> new PlainConvNetConfig(List.of(32, 0), 3))
                .isInstanceOf(ConfigValueException.class)
                .hasMessageContaining("widths")
                .extracting(e -> ((ConfigValueException) e).key()).isEqualTo("widths");
    }

    @Test
    void atLeastOneStageIsNeeded() {
        assertThatThrownBy(() -> new PlainConvNetConfig(List.of(), 3))
                .isInstanceOf(ConfigValueException.class)
                .hasMessage("widths: needs at least one stage");
    }

    @Test
    void pluginReportsTheApiItWasBuiltAgainst() {
        assertThat(new AcmePlugin().apiVersion()).isEqualTo(io.action4j.api.VideoPlugin.API_VERSION);
        assertThat(new AcmePlugin().backbones()).extracting(f -> f.name()).containsExactly("acme.plain3d");
    }
}
