package io.action4j.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.action4j.engine.data.NpyFiles;
import io.action4j.testing.ParityFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A whole AVA detector as MMAction2 builds and saves one: a SlowOnly or a SlowFast backbone (its two
 * pathways averaged over time and concatenated, as SingleRoIExtractor3D does) and the AVA RoI head,
 * in an MMAction2 checkpoint ({@code state_dict} with {@code backbone.*} and
 * {@code roi_head.bbox_head.fc_cls.*}) made by {@code spatiotemporal/src/test/resources/parity/
 * make_ava_detector_fixture.py} from a transcription of MMAction2's ResNet3d and torchvision's roi_align.
 * {@code model run} loads it by MMAction2's key names and scores the same clip and boxes.
 */
class AvaDetectorParityTest {

    @TempDir
    Path folder;

    @ParameterizedTest
    @ValueSource(strings = {"ava_detector", "ava_slowfast_detector"})
    void anMmaction2AvaCheckpointLoadsAndScoresAsPyTorchDoes(String name) throws Exception {
        Path parity = Launcher.repository().resolve("spatiotemporal/src/test/resources/parity");
        ParityFixture fixture = ParityFixture.file(parity, name);
        Path config = folder.resolve("detector.json");
        Files.writeString(config, new ObjectMapper().writeValueAsString(Map.of("model", fixture.config())));
        INDArray input = fixture.tensor("input");
        INDArray rois = fixture.tensor("rois");
        Path x = folder.resolve("x.npy");
        Path r = folder.resolve("rois.npy");
        Path y = folder.resolve("y.npy");
        NpyFiles.writeFloat32(x, input.dup('c').data().asFloat(), input.shape());
        NpyFiles.writeFloat32(r, rois.dup('c').data().asFloat(), rois.shape());

        Launcher.Result result = Launcher.run("model", "run", config.toString(), "--checkpoint",
                parity.resolve(name + ".pth").toString(), "--input", x.toString(), "--rois", r.toString(),
                "--output", y.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        NpyFiles.FloatArray scores = NpyFiles.readFloat32(y);
        INDArray expected = fixture.tensor("cls_score");
        assertThat(scores.shape()).containsExactly(expected.shape());
        float[] want = expected.dup('c').data().asFloat();
        for (int i = 0; i < want.length; i++) {
            assertThat((double) Math.abs(scores.values()[i] - want[i])).as("score %d", i).isLessThan(1e-4);
        }
    }
}
