package io.action4j.localization.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.action4j.engine.model.TensorBudget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A feature CSV is read whole into memory: one whose header claims, or whose rows hold, more values than the
 * budget ({@link TensorBudget}, here set to 40 KB = 10000 floats) is refused naming the file, the line, the shape
 * and the bytes, before the values are allocated; an absurdly long line or value is never held whole.
 */
class FeatureCsvSizeTest {

    private static final String LIMIT = "the limit action4j.maxTensorBytes/ACTION4J_MAX_TENSOR_BYTES (40.0 KB)";

    @TempDir
    Path dir;

    private String previous;

    @BeforeEach
    void limitTo40Kilobytes() {
        previous = System.getProperty(TensorBudget.PROPERTY);
        System.setProperty(TensorBudget.PROPERTY, "40000");
    }

    @AfterEach
    void restore() {
        if (previous == null) {
            System.clearProperty(TensorBudget.PROPERTY);
        } else {
            System.setProperty(TensorBudget.PROPERTY, previous);
        }
    }

    private static String header(int columns) {
        return IntStream.range(0, columns).mapToObj(c -> "f" + c).collect(Collectors.joining(",")) + "\n";
    }

    private static String rows(int rows, int columns) {
        String row = IntStream.range(0, columns).mapToObj(c -> "0.25").collect(Collectors.joining(",")) + "\n";
        return row.repeat(rows);
    }

    @Test
    void rowsThatHoldMoreThanTheBudgetAreRefusedAtTheRowThatCrossesIt() throws Exception {
        Path fits = Files.writeString(dir.resolve("fits.csv"), header(100) + rows(100, 100));
        Path tooLong = Files.writeString(dir.resolve("long.csv"), header(100) + rows(150, 100));

        assertThat(FeatureCsv.read(fits).steps()).isEqualTo(100);
        assertThatThrownBy(() -> FeatureCsv.read(tooLong)).isInstanceOf(FeatureFormatException.class)
                .hasMessage(tooLong + ", line 102: 101 rows of 100 values: a 101x100 tensor is 10100 values (40.4 KB), "
                        + "more than " + LIMIT + "; a video's features are read whole: resample them to fewer rows");
    }

    @Test
    void aHeaderThatClaimsMoreColumnsThanFitIsRefusedBeforeAnyRowIsRead() throws Exception {
        // 200000 columns, and rows that could not be read anyway: the header alone is refused.
        Path wide = Files.writeString(dir.resolve("wide.csv"), header(200_000) + "not,even,numbers\n");

        assertThatThrownBy(() -> FeatureCsv.read(wide)).isInstanceOf(FeatureFormatException.class)
                .hasMessage(wide + ", line 1: the header names at least 10001 columns: a 1x10001 tensor is 10001 values "
                        + "(40.0 KB), more than " + LIMIT + "; a video's features are read whole: resample them to "
                        + "fewer rows");
    }

    @Test
    void aRowFarLongerThanTheHeaderIsRefusedWithItsColumnCount() throws Exception {
        Path ragged = Files.writeString(dir.resolve("ragged.csv"), header(3) + rows(2, 3) + rows(1, 500_000));

        assertThatThrownBy(() -> FeatureCsv.read(ragged)).isInstanceOf(FeatureFormatException.class)
                .hasMessage(ragged + ", line 4: 500000 columns, the header has 3");
    }

    @Test
    void anEndlessValueIsNotANumber() throws Exception {
        Path endless = Files.writeString(dir.resolve("endless.csv"), "f0,f1\n1,2\n3," + "9".repeat(1_000_000) + "\n");

        assertThatThrownBy(() -> FeatureCsv.read(endless)).isInstanceOf(FeatureFormatException.class)
                .hasMessage(endless + ", line 3: column f1: a value of more than 100 characters is not a number");
    }
}
