package io.action4j.localization.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeatureCsvTest {

    @TempDir
    Path dir;

    @Test
    void writesMmaction2sLayoutAndReadsItBackExactly() throws Exception {
        float[] values = {0.1f, -2.5e-7f, 3f, 1f / 3, Float.MIN_VALUE, -0f};
        Path file = dir.resolve("v.csv");

        FeatureCsv.write(file, FeatureSequence.of(2, 3, values));

        assertThat(Files.readAllLines(file).get(0)).isEqualTo("f0,f1,f2");
        assertThat(FeatureCsv.read(file).values()).containsExactly(values);
    }

    @Test
    void aRowWithTheWrongColumnCountNamesFileAndLine() throws Exception {
        Path file = Files.writeString(dir.resolve("bad.csv"), "f0,f1,f2\n1,2,3\n4,5\n");

        assertThatThrownBy(() -> FeatureCsv.read(file)).isInstanceOf(FeatureFormatException.class)
                .hasMessage(file + ", line 3: 2 columns, the header has 3");
    }

    @Test
    void aValueThatIsNotANumberNamesFileLineAndColumn() throws Exception {
        Path text = Files.writeString(dir.resolve("text.csv"), "f0,f1\n1,2\n3,abc\n");
        Path nan = Files.writeString(dir.resolve("nan.csv"), "f0,f1\nNaN,2\n");

        assertThatThrownBy(() -> FeatureCsv.read(text)).hasMessage(text + ", line 3: column f1: 'abc' is not a number");
        assertThatThrownBy(() -> FeatureCsv.read(nan)).hasMessage(nan + ", line 2: column f0: NaN is not finite");
    }

    @Test
    void emptyHeaderOnlyAndMissingFilesAreNamed() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.csv"), "");
        Path header = Files.writeString(dir.resolve("header.csv"), "f0,f1\n");

        assertThatThrownBy(() -> FeatureCsv.read(empty)).hasMessageContaining(empty + ", line 1: empty");
        assertThatThrownBy(() -> FeatureCsv.read(header)).hasMessageContaining("no feature rows after the header");
        assertThatThrownBy(() -> FeatureCsv.read(dir.resolve("none.csv"))).hasMessageContaining("none.csv: no such file");
    }
}
