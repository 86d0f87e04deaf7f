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
    void aRowWithMoreColumnsThanTheHeaderNamesFileAndLine() throws Exception {
        Path wide = Files.writeString(dir.resolve("wide.csv"), "f0,f1\n1,2\n3,4,5,6\n");
        Path trailing = Files.writeString(dir.resolve("trailing.csv"), "f0,f1\n1,2,\n");

        assertThatThrownBy(() -> FeatureCsv.read(wide)).hasMessage(wide + ", line 3: 4 columns, the header has 2");
        assertThatThrownBy(() -> FeatureCsv.read(trailing)).hasMessage(trailing + ", line 2: 3 columns, the header has 2");
    }

    @Test
    void infinityAndTextThatIsNotUtf8AreRefused() throws Exception {
        Path infinite = Files.writeString(dir.resolve("inf.csv"), "f0,f1\n1,2\n-Infinity,2\n");
        Path latin1 = Files.write(dir.resolve("latin1.csv"), new byte[] {'f', '0', '\n', (byte) 0xe9, '\n'});

        assertThatThrownBy(() -> FeatureCsv.read(infinite)).hasMessage(infinite
                + ", line 3: column f0: -Infinity is not finite");
        assertThatThrownBy(() -> FeatureCsv.read(latin1)).isInstanceOf(FeatureFormatException.class)
                .hasMessage(latin1 + ": not UTF-8 text");
    }

    @Test
    void blankLinesWindowsLineEndsAndSpacesAreRead() throws Exception {
        Path file = Files.writeString(dir.resolve("crlf.csv"), "f0,f1\r\n 1.5 ,2\r\n\r\n\n3,4e-3\r\n");

        FeatureSequence read = FeatureCsv.read(file);

        assertThat(read.steps()).isEqualTo(2);
        assertThat(read.values()).containsExactly(1.5f, 2f, 3f, 4e-3f);
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
