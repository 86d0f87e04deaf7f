package io.action4j.synth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.action4j.api.io.AtomicFiles;
import io.action4j.api.video.VideoEncoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A spatio-temporal action detection dataset of {@link MultiActorVideo}s, written in AVA's formats:
 * <pre>
 * OUT/videos/&lt;split&gt;_&lt;index&gt;.mp4
 * OUT/&lt;split&gt;.csv                       ground truth: video_id,timestamp,x1,y1,x2,y2,action_id,person_id
 *                                         (a row per label; boxes normalised to 0..1, 3 decimals)
 * OUT/&lt;split&gt;_oracle_proposals.csv      the true boxes: video_id,timestamp,x1,y1,x2,y2,-1,1.0000
 * OUT/&lt;split&gt;_perturbed_proposals.csv   a detector's boxes ({@link ProposalNoise}): ...,-1,score
 * OUT/ava_action_list.pbtxt               the label map, item { name: "..." id: N }
 * OUT/synth.json                          settings, seeds, labels, proposal noise and what came of it
 * </pre>
 * Proposals carry action id -1 (no action: AVA's readers want an integer there) and their score last,
 * as {@code ava_csv_boxes} reads them. Splits without videos get no files. The same settings give
 * the same files, byte for byte, whatever the thread count.
 */
public final class AvaSynthDataset {

    public static final String LABEL_MAP_FILE = "ava_action_list.pbtxt";
    /** Bumped when the same settings would give different files. */
    static final int GENERATOR_VERSION = 1;
    private static final String ROW = "%s,%04d,%.3f,%.3f,%.3f,%.3f,%d,%s";
    private static final int DECIMALS = 3;

    /**
     * What to generate besides the config's size, rate, difficulty and seed.
     *
     * @param seconds   each video's length, whole seconds (keyframes at 1 .. seconds - 1)
     * @param minActors the fewest actors a video has
     * @param maxActors the most
     * @param noise     how the perturbed proposals err
     */
    public record Settings(int seconds, int minActors, int maxActors, int train, int val, int test,
                           ProposalNoise noise) {

        public Settings {
            if (seconds < 2) {
                throw new IllegalArgumentException("videos must last at least 2 seconds (one keyframe), got " + seconds);
            }
            if (minActors < 1 || maxActors < minActors) {
                throw new IllegalArgumentException("actors must be MIN,MAX with 1 <= MIN <= MAX, got " + minActors
                        + "," + maxActors);
            }
            if (train < 0 || val < 0 || test < 0 || train + val + test == 0) {
                throw new IllegalArgumentException("video counts must not be negative and not all 0, got " + train
                        + "," + val + "," + test);
            }
            if (noise == null) {
                throw new IllegalArgumentException("noise is required");
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

    /** What {@link #generate} wrote: videos, keyframes, person boxes and ground-truth rows (one per label). */
    public record Summary(int videos, int keyframes, int people, int rows, Duration elapsed) {
    }

    private AvaSynthDataset() {
    }

    /** The videos of {@code split}, in index order. */
    public static List<MultiActorVideo> videos(SynthConfig config, Settings settings, Split split) {
        List<MultiActorVideo> videos = new ArrayList<>();
        for (int index = 0; index < settings.count(split); index++) {
            videos.add(MultiActorVideo.of(config, settings.seconds(), settings.minActors(), settings.maxActors(),
                    split, index));
        }
        return videos;
    }

    /**
     * Writes the videos ({@code threads} at a time), then the CSVs, the label map and {@code synth.json}.
     *
     * @throws IOException naming the file that could not be written
     */
    public static Summary generate(SynthConfig config, Settings settings, Path folder, VideoEncoder encoder,
                                   int threads) throws IOException {
        if (threads <= 0) {
            throw new IllegalArgumentException("threads must be positive, got " + threads);
        }
        long start = System.nanoTime();
        Path videosFolder = Files.createDirectories(folder.resolve("videos"));
        ActionLabelMap labels = ActionLabelMap.of(config.classes());
        List<SyntheticMotionDataset.VideoJob> jobs = new ArrayList<>();
        List<SplitFiles> written = new ArrayList<>();
        for (Split split : Split.values()) {
            List<MultiActorVideo> videos = videos(config, settings, split);
            for (MultiActorVideo video : videos) {
                jobs.add(() -> video.write(videosFolder.resolve(video.name() + ".mp4"), encoder));
            }
            if (!videos.isEmpty()) {
                written.add(SplitFiles.of(split, videos, labels, settings.noise()));
            }
        }
        SyntheticMotionDataset.writeVideos(jobs, threads);
        int keyframes = 0;
        int people = 0;
        int rows = 0;
        for (SplitFiles files : written) {
            String split = files.split().id();
            AtomicFiles.writeString(folder.resolve(split + ".csv"), files.groundTruth());
            AtomicFiles.writeString(folder.resolve(split + "_oracle_proposals.csv"), files.oracle());
            AtomicFiles.writeString(folder.resolve(split + "_perturbed_proposals.csv"), files.perturbed());
            keyframes += files.keyframes();
            people += files.people();
            rows += files.rows();
        }
        AtomicFiles.writeString(folder.resolve(LABEL_MAP_FILE), labels.pbtxt());
        AtomicFiles.writeString(folder.resolve(SyntheticMotionDataset.CONFIG_FILE),
                manifest(config, settings, labels, written));
        return new Summary(jobs.size(), keyframes, people, rows, Duration.ofNanos(System.nanoTime() - start));
    }

    /** One split's CSV texts and what they hold. */
    record SplitFiles(Split split, int videos, String groundTruth, String oracle, String perturbed, int keyframes,
                      int people, int rows, ProposalStatistics statistics) {

        static SplitFiles of(Split split, List<MultiActorVideo> videos, ActionLabelMap labels, ProposalNoise noise) {
            StringBuilder truth = new StringBuilder();
            StringBuilder oracle = new StringBuilder();
            StringBuilder perturbed = new StringBuilder();
            ProposalStatistics statistics = new ProposalStatistics();
            int keyframes = 0;
            int people = 0;
            int rows = 0;
            for (MultiActorVideo video : videos) {
                ProposalPerturber perturber = new ProposalPerturber(noise, new SplittableRandom(video.proposalSeed()));
                List<MultiActorVideo.KeyframePerson> all = video.keyframes();
                for (int second = 1; second < video.seconds(); second++) {
                    List<FrameBox> boxes = new ArrayList<>();
                    for (MultiActorVideo.KeyframePerson person : all) {
                        if (person.second() != second) {
                            continue;
                        }
                        FrameBox box = person.box().rounded(DECIMALS);
                        boxes.add(box);
                        truth.append(row(video, second, box, labels.id(person.movement()), person.person()));
                        rows++;
                        if (person.secondary() != null) {
                            truth.append(row(video, second, box, labels.id(person.secondary()), person.person()));
                            rows++;
                        }
                        oracle.append(proposalRow(video, second, box, 1.0));
                    }
                    for (ProposalPerturber.Proposal proposal : perturber.propose(boxes)) {
                        FrameBox box = proposal.box().rounded(DECIMALS);
                        perturbed.append(proposalRow(video, second, box, proposal.score()));
                        statistics.add(proposal, box, boxes);
                    }
                    statistics.truth(boxes.size());
                    keyframes++;
                    people += boxes.size();
                }
            }
            return new SplitFiles(split, videos.size(), truth.toString(), oracle.toString(), perturbed.toString(),
                    keyframes, people, rows, statistics);
        }

        private static String row(MultiActorVideo video, int second, FrameBox box, int actionId, int person) {
            return String.format(Locale.ROOT, ROW, video.name(), second, box.x1(), box.y1(), box.x2(), box.y2(),
                    actionId, Integer.toString(person)) + "\n";
        }

        private static String proposalRow(MultiActorVideo video, int second, FrameBox box, double score) {
            return String.format(Locale.ROOT, ROW, video.name(), second, box.x1(), box.y1(), box.x2(), box.y2(), -1,
                    String.format(Locale.ROOT, "%.4f", score)) + "\n";
        }
    }

    /** What the perturbed proposals came to, against the written true boxes. */
    static final class ProposalStatistics {
        private int truth;
        private int kept;
        private int falseBoxes;
        private double iouSum;
        private double iouSquares;

        void add(ProposalPerturber.Proposal proposal, FrameBox written, List<FrameBox> truthBoxes) {
            if (proposal.person() < 0) {
                falseBoxes++;
                return;
            }
            double iou = written.iou(truthBoxes.get(proposal.person()));
            kept++;
            iouSum += iou;
            iouSquares += iou * iou;
        }

        void truth(int boxes) {
            truth += boxes;
        }

        ObjectNode toJson(ObjectMapper json) {
            double mean = kept == 0 ? Double.NaN : iouSum / kept;
            ObjectNode node = json.createObjectNode();
            node.put("trueBoxes", truth).put("kept", kept).put("dropped", truth - kept).put("falseBoxes", falseBoxes);
            node.put("meanIou", round(mean)).put("iouSpread", round(Math.sqrt(Math.max(0, iouSquares / kept - mean * mean))));
            return node;
        }

        /** Six decimals: enough to read, and the same text on every platform. */
        private static double round(double value) {
            return Double.isNaN(value) ? value : Math.rint(value * 1e6) / 1e6;
        }
    }

    private static String manifest(SynthConfig config, Settings settings, ActionLabelMap labels,
                                   List<SplitFiles> splits) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode();
        root.put("generator", "action4j-synth").put("mode", "ava").put("generatorVersion", GENERATOR_VERSION);
        root.put("seed", config.seed()).put("width", config.width()).put("height", config.height())
                .put("fps", config.fps()).put("difficulty", config.difficulty()).put("seconds", settings.seconds())
                .put("framesPerVideo", (int) Math.round(settings.seconds() * config.fps()));
        root.putObject("actors").put("min", settings.minActors()).put("max", settings.maxActors());
        root.putObject("videos").put("train", settings.train()).put("val", settings.val()).put("test", settings.test());
        root.putObject("keyframes").put("timestamps", "whole seconds 1 .. seconds - 1")
                .put("frame", "round(timestamp * fps), frames counted from 0 (timestamp_start 0)");
        ArrayNode labelList = root.putArray("labels");
        for (int i = 0; i < labels.names().size(); i++) {
            boolean movement = i < labels.movements().size();
            labelList.addObject().put("id", i + 1).put("name", labels.names().get(i))
                    .put("kind", movement ? "movement" : "secondary");
        }
        ObjectNode actions = root.putObject("actions");
        actions.put("perKeyframe", "one movement (still while resting) and at most one secondary motion");
        actions.put("boundaries", "half way between whole seconds");
        range(actions, "actionSeconds", ActorPlanner.ACTION_SECONDS);
        range(actions, "restSeconds", ActorPlanner.REST_SECONDS);
        range(actions, "secondarySeconds", ActorPlanner.SECONDARY_SECONDS);
        range(actions, "secondaryGapSeconds", ActorPlanner.SECONDARY_GAP_SECONDS);
        actions.put("maxOverlapIou", ActorPlanner.MAX_OVERLAP);
        root.putObject("boxes").put("format", "x1,y1,x2,y2 normalised to 0..1, " + DECIMALS + " decimals")
                .put("fit", "tight box of the actor's outline as the keyframe shows it");
        ObjectNode proposals = root.putObject("proposals");
        proposals.put("columns", "video_id,timestamp,x1,y1,x2,y2,action_id (-1: none),score");
        proposals.put("oracle", "the true boxes, score 1.0");
        ObjectNode perturbed = proposals.putObject("perturbed");
        perturbed.set("noise", json.valueToTree(settings.noise()));
        ObjectNode realised = perturbed.putObject("realised");
        for (SplitFiles split : splits) {
            realised.set(split.split().id(), split.statistics().toJson(json));
        }
        ObjectNode counts = root.putObject("splits");
        for (SplitFiles split : splits) {
            counts.putObject(split.split().id()).put("videos", split.videos()).put("keyframes", split.keyframes())
                    .put("people", split.people()).put("rows", split.rows());
        }
        root.put("container", "mp4").put("codec", "mpeg4");
        return json.writeValueAsString(root).replace(System.lineSeparator(), "\n") + "\n";
    }

    private static void range(ObjectNode node, String key, int[] range) {
        node.putArray(key).add(range[0]).add(range[1]);
    }
}
