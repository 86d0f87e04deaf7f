package io.action4j.synth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AvaSynthDatasetTest {

    @TempDir
    Path folder;

    private static final SynthConfig CONFIG = new SynthConfig(4, MotionClass.all(), 64, 48, 16, 10, 0.5, 1, 0, 0);
    private static final AvaSynthDataset.Settings SETTINGS = new AvaSynthDataset.Settings(5, 2, 3, 2, 1, 0,
            ProposalNoise.defaults());

    @Test
    void writesVideosGroundTruthProposalsLabelMapAndManifest() throws IOException {
        AvaSynthDataset.Summary summary = AvaSynthDataset.generate(CONFIG, SETTINGS, folder,
                SyntheticMotionDatasetTest.ENCODER, 2);

        assertThat(summary.videos()).isEqualTo(3);
        assertThat(summary.keyframes()).isEqualTo(3 * 4);
        assertThat(files(folder)).containsExactlyInAnyOrder("videos/train_0000.mp4", "videos/train_0001.mp4",
                "videos/val_0000.mp4", "train.csv", "val.csv", "train_oracle_proposals.csv",
                "train_perturbed_proposals.csv", "val_oracle_proposals.csv", "val_perturbed_proposals.csv",
                "ava_action_list.pbtxt", "synth.json");
        List<String> truth = Files.readAllLines(folder.resolve("train.csv"));
        List<String> oracle = Files.readAllLines(folder.resolve("train_oracle_proposals.csv"));
        assertThat(truth).allMatch(line -> line.matches("train_000[01],000[1-4](,[01]\\.\\d{3}){4},([1-9]|1[01]),[0-3]"));
        assertThat(oracle).allMatch(line -> line.matches("train_000[01],000[1-4](,[01]\\.\\d{3}){4},-1,1\\.0000"));
        assertThat(Files.readAllLines(folder.resolve("train_perturbed_proposals.csv")))
                .allMatch(line -> line.matches("train_000[01],000[1-4](,[01]\\.\\d{3}){4},-1,0\\.\\d{4}"));
        // One oracle row per person and keyframe, one ground-truth row per label (a movement, maybe a secondary).
        int people = 0;
        for (MultiActorVideo video : AvaSynthDataset.videos(CONFIG, SETTINGS, Split.TRAIN)) {
            people += video.keyframes().size();
        }
        assertThat(oracle).hasSize(people);
        assertThat(truth.size()).isBetween(people, 2 * people);
        assertThat(summary.people()).isEqualTo(people + 4 * AvaSynthDataset.videos(CONFIG, SETTINGS, Split.VAL).get(0)
                .actorCount());
        assertThat(Files.readString(folder.resolve("ava_action_list.pbtxt"))).isEqualTo(ActionLabelMap.of(
                MotionClass.all()).pbtxt());

        JsonNode manifest = new ObjectMapper().readTree(folder.resolve("synth.json").toFile());
        assertThat(manifest.get("mode").asText()).isEqualTo("ava");
        assertThat(manifest.get("seed").asLong()).isEqualTo(4);
        assertThat(manifest.get("labels").get(10).get("name").asText()).isEqualTo("wobble");
        assertThat(manifest.get("proposals").get("perturbed").get("noise").get("meanIou").asDouble()).isEqualTo(0.75);
        assertThat(manifest.get("proposals").get("perturbed").get("realised").get("train").get("trueBoxes").asInt())
                .isEqualTo(people);
        assertThat(manifest.get("splits").get("val").get("keyframes").asInt()).isEqualTo(4);
    }

    /** Every file, videos included, is the same byte for byte whatever the thread count. */
    @Test
    void theSameSettingsGiveTheSameFilesByteForByte() throws IOException {
        Path first = folder.resolve("first");
        Path second = folder.resolve("second");
        AvaSynthDataset.generate(CONFIG, SETTINGS, first, SyntheticMotionDatasetTest.ENCODER, 1);
        AvaSynthDataset.generate(CONFIG, SETTINGS, second, SyntheticMotionDatasetTest.ENCODER, 3);

        for (String name : files(first)) {
            assertThat(Files.readAllBytes(second.resolve(name))).as(name).isEqualTo(Files.readAllBytes(first.resolve(name)));
        }
        assertThat(files(second)).hasSameElementsAs(files(first));
    }

    private static List<String> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(path -> root.relativize(path).toString().replace('\\', '/'))
                    .toList();
        }
    }
}
