package io.action4j.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

/** An I/O error carried unchecked (out of a batch iterator) ends a command with its own words, not class names. */
class UncheckedIOMessageTest {

    @Test
    void aCarrierWithoutWordsOfItsOwnSaysTheErrorItCarries() {
        IOException malformed = new IOException("feats/v.csv, line 4: column f7: NaN is not finite");

        assertThat(Main.describe(new UncheckedIOException(malformed)))
                .isEqualTo("feats/v.csv, line 4: column f7: NaN is not finite");
        assertThat(Main.describe(new UncheckedIOException(malformed.getMessage(), malformed)))
                .isEqualTo("feats/v.csv, line 4: column f7: NaN is not finite");
        assertThat(Main.describe(new UncheckedIOException(new NoSuchFileException("boxes.csv"))))
                .isEqualTo("boxes.csv: no such file or folder");
    }

    @Test
    void aCarriersOwnWordsComeFirst() {
        assertThat(Main.describe(new UncheckedIOException("cache/v-1a2b: cannot append snippet features",
                new IOException("No space left on device"))))
                .isEqualTo("cache/v-1a2b: cannot append snippet features (No space left on device)");
    }
}
