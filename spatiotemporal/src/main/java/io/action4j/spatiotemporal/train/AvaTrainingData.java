package io.action4j.spatiotemporal.train;

import io.action4j.api.detection.NormalizedBox;
import io.action4j.api.detection.PersonBox;
import io.action4j.api.transform.Box;
import io.action4j.api.transform.FormattedClip;
import io.action4j.engine.model.ModelComposer;
import io.action4j.engine.training.TrainingBatch;
import io.action4j.engine.training.TrainingData;
import io.action4j.spatiotemporal.boxes.AvaCsvBoxSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.SplittableRandom;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Detection's training set: every annotated keyframe, shuffled per epoch. A keyframe's boxes are its
 * ground-truth people and, when the dataset has a proposal file, its proposals (MMAction2 adds the
 * ground truth to the proposals too); each is assigned to a person by {@link MaxIouAssignerAva} and
 * takes their actions as its multi-hot target. Negatives are left out, as the AVA loss leaves them out.
 * As MMAction2's AVA sampler ({@code RandomSampler}, {@code num=32, pos_fraction=1}), a keyframe with more
 * than {@value #BOXES_PER_KEYFRAME} positives trains on that many of them, drawn at random. A batch holds
 * the clips of {@code batchSize} keyframes and their boxes.
 */
final class AvaTrainingData implements TrainingData {

    /** MMAction2's AVA sampler's {@code num}: the most boxes a keyframe trains on. */
    static final int BOXES_PER_KEYFRAME = 32;

    private final List<AvaGroundTruth.Keyframe> keyframes;
    private final AvaCsvBoxSource proposals;
    private final KeyframeClips clips;
    private final MaxIouAssignerAva assigner;
    private final int numClasses;

    /** @param proposals extra boxes per keyframe, or null for the ground truth alone */
    AvaTrainingData(List<AvaGroundTruth.Keyframe> keyframes, AvaCsvBoxSource proposals, KeyframeClips clips,
                    MaxIouAssignerAva assigner, int numClasses) {
        if (keyframes.isEmpty()) {
            throw new IllegalArgumentException("the training set has no annotated keyframe");
        }
        this.keyframes = List.copyOf(keyframes);
        this.proposals = proposals;
        this.clips = clips;
        this.assigner = assigner;
        this.numClasses = numClasses;
    }

    /** The first keyframe's clip: what one sample's input looks like. */
    int[] sampleShape(long seed) throws IOException {
        AvaGroundTruth.Keyframe first = keyframes.get(0);
        return clips.clip(first.key().videoId(), first.seconds(), List.of(first.people().get(0).box()),
                new SplittableRandom(seed)).shape();
    }

    @Override
    public int batchesPerEpoch(int batchSize) {
        return keyframes.size() / batchSize;
    }

    @Override
    public Iterator<TrainingBatch> epoch(long seed, int epoch, int batchSize) {
        List<AvaGroundTruth.Keyframe> order = new ArrayList<>(keyframes);
        Collections.shuffle(order, new java.util.Random(seed * 1_000_003L + epoch));
        SplittableRandom random = new SplittableRandom(seed ^ (epoch * 0x9E3779B97F4A7C15L));
        int batches = batchesPerEpoch(batchSize);
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < batches;
            }

            @Override
            public TrainingBatch next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                List<AvaGroundTruth.Keyframe> members = order.subList(next * batchSize, (next + 1) * batchSize);
                next++;
                try {
                    return batch(members, random.split());
                } catch (IOException e) {
                    throw new UncheckedIOException(e.getMessage(), e);
                }
            }
        };
    }

    private TrainingBatch batch(List<AvaGroundTruth.Keyframe> members, SplittableRandom random) throws IOException {
        List<float[]> values = new ArrayList<>();
        List<float[]> rois = new ArrayList<>();
        List<float[]> labels = new ArrayList<>();
        int[] shape = null;
        for (AvaGroundTruth.Keyframe keyframe : members) {
            List<NormalizedBox> boxes = new ArrayList<>();
            List<AvaGroundTruth.Person> targets = new ArrayList<>();
            for (AvaGroundTruth.Person person : keyframe.people()) {
                boxes.add(person.box());
                targets.add(person);
            }
            if (proposals != null) {
                List<NormalizedBox> extra = proposals.boxes(keyframe.key().videoId(), keyframe.seconds()).stream()
                        .map(PersonBox::box).toList();
                List<Optional<AvaGroundTruth.Person>> assigned = assigner.assign(extra, keyframe.people());
                for (int i = 0; i < extra.size(); i++) {
                    if (assigned.get(i).isPresent()) {
                        boxes.add(extra.get(i));
                        targets.add(assigned.get(i).get());
                    }
                }
            }
            if (boxes.size() > BOXES_PER_KEYFRAME) {
                sample(boxes, targets, random);
            }
            FormattedClip clip = clips.clip(keyframe.key().videoId(), keyframe.seconds(), boxes, random.split());
            if (shape == null) {
                shape = clip.shape();
            } else if (!Arrays.equals(shape, clip.shape())) {
                throw new IllegalStateException(keyframe.key() + ": a clip of shape " + Arrays.toString(clip.shape())
                        + ", the batch's others " + Arrays.toString(shape) + "; the data pipeline must give every "
                        + "keyframe the same size (a fixed resize or crop)");
            }
            int b = values.size();
            values.add(clip.values());
            for (int i = 0; i < boxes.size(); i++) {
                Box box = clip.boxes().get(i);
                rois.add(new float[] {b, box.x1(), box.y1(), box.x2(), box.y2()});
                float[] target = new float[numClasses];
                for (int action : targets.get(i).actions()) {
                    if (action < 1 || action >= numClasses) {
                        throw new IllegalArgumentException(keyframe.key() + ": action id " + action + " is not one of "
                                + "the head's classes 1 to " + (numClasses - 1));
                    }
                    target[action] = 1;
                }
                labels.add(target);
            }
        }
        int perClip = values.get(0).length;
        float[] input = new float[values.size() * perClip];
        for (int b = 0; b < values.size(); b++) {
            System.arraycopy(values.get(b), 0, input, b * perClip, perClip);
        }
        long[] dims = {values.size(), shape[1], shape[2], shape[3], shape[4]};
        return new TrainingBatch(Map.of(ModelComposer.INPUT, Nd4j.create(input, dims, 'c'),
                ModelComposer.ROIS, Nd4j.create(rois.toArray(float[][]::new))),
                Map.of(AvaObjective.LABELS, Nd4j.create(labels.toArray(float[][]::new))), values.size());
    }

    /** Keeps {@value #BOXES_PER_KEYFRAME} of the boxes and their targets, drawn at random (a partial shuffle). */
    static void sample(List<NormalizedBox> boxes, List<AvaGroundTruth.Person> targets, SplittableRandom random) {
        for (int i = 0; i < BOXES_PER_KEYFRAME; i++) {
            int j = i + random.nextInt(boxes.size() - i);
            Collections.swap(boxes, i, j);
            Collections.swap(targets, i, j);
        }
        boxes.subList(BOXES_PER_KEYFRAME, boxes.size()).clear();
        targets.subList(BOXES_PER_KEYFRAME, targets.size()).clear();
    }

    @Override
    public void close() {
    }
}
