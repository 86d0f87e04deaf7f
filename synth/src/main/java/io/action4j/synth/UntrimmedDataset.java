package io.action4j.synth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.action4j.api.io.AtomicFiles;
import io.action4j.api.video.VideoEncoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A dataset of untrimmed synthetic videos ({@link UntrimmedVideo}) for temporal localization:
 * {@code videos/v_<split>_<index>.mp4} and, per split, {@code <split>.json} in MMAction2's ActivityNet
 * annotation format ({@code {"v_<split>_<index>": {"duration_second", "duration_frame",
 * "feature_frame", "fps", "annotations": [{"segment": [start, end], "label": class}]}}}), which both
 * {@code train} (with features) and {@code eval detection}/{@code eval proposals} read, and
 * {@code classes.txt}.
 */
public final class UntrimmedDataset {

    /**
     * How many videos and how long.
     *
     * @param frames each video's length
     * @param restFrames the shortest and longest rest before and between actions
     * @param actionFrames the shortest and longest action
     */
    public record Settings(int frames, int[] restFrames, int[] actionFrames, int train, int val, int test) {

        public Settings {
            if (frames < 1 || restFrames.length != 2 || actionFrames.length != 2 || restFrames[0] < 0
                    || restFrames[1] < restFrames[0] || actionFrames[0] < 1 || actionFrames[1] < actionFrames[0]) {
                throw new IllegalArgumentException("untrimmed settings need frames >= 1 and [min, max] ranges of rest "
                        + "(>= 0) and action (>= 1) frames");
            }
            if (train < 0 || val < 0 || test < 0 || train + val + test == 0) {
                throw new IllegalArgumentException("untrimmed settings need at least one video");
            }
        }

        int count(Split split) {
            return switch (split) {
                case TRAIN -> train;
                case VAL -> val;
                case TEST -> test;
            };
        }
    }

    public record Summary(int videos, int actions, Duration elapsed) {
    }

    private UntrimmedDataset() {
    }

    public static Summary generate(SynthConfig config, Settings settings, Path folder, VideoEncoder encoder,
                                   int threads) throws IOException {
        long start = System.nanoTime();
        Path videosFolder = Files.createDirectories(folder.resolve("videos"));
        Map<Split, List<UntrimmedVideo>> bySplit = new EnumMap<>(Split.class);
        List<SyntheticMotionDataset.VideoJob> jobs = new ArrayList<>();
        for (Split split : Split.values()) {
            List<UntrimmedVideo> videos = new ArrayList<>();
            for (int index = 0; index < settings.count(split); index++) {
                UntrimmedVideo video = UntrimmedVideo.of(config, settings.frames(), settings.restFrames(),
                        settings.actionFrames(), split, index);
                videos.add(video);
                jobs.add(() -> video.write(videosFolder.resolve(video.name() + ".mp4"), encoder));
            }
            bySplit.put(split, videos);
        }
        SyntheticMotionDataset.writeVideos(jobs, threads);
        int actions = 0;
        ObjectMapper json = new ObjectMapper();
        for (Split split : Split.values()) {
            if (settings.count(split) == 0) {
                continue;
            }
            ObjectNode root = json.createObjectNode();
            for (UntrimmedVideo video : bySplit.get(split)) {
                root.set(video.name(), groundTruth(json, video));
                actions += video.actions().size();
            }
            AtomicFiles.writeString(folder.resolve(split.id() + ".json"),
                    json.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
        }
        StringBuilder classes = new StringBuilder();
        config.classes().stream().filter(motion -> motion.moving() != null)
                .forEach(motion -> classes.append(motion.id()).append('\n'));
        AtomicFiles.writeString(folder.resolve(SyntheticMotionDataset.CLASSES_FILE), classes.toString());
        return new Summary(jobs.size(), actions, Duration.ofNanos(System.nanoTime() - start));
    }

    /** One video's entry, in MMAction2's ActivityNet annotation format; the features cover the whole video. */
    static ObjectNode groundTruth(ObjectMapper json, UntrimmedVideo video) {
        ObjectNode entry = json.createObjectNode();
        entry.put("duration_second", video.frames() / video.fps());
        entry.put("duration_frame", video.frames());
        entry.put("feature_frame", video.frames());
        entry.put("fps", video.fps());
        ArrayNode annotations = entry.putArray("annotations");
        for (UntrimmedVideo.ActionSegment action : video.actions()) {
            ObjectNode annotation = annotations.addObject();
            annotation.putArray("segment").add(action.startFrame() / video.fps()).add(action.endFrame() / video.fps());
            annotation.put("label", action.motion().id());
        }
        return entry;
    }
}
