package io.action4j.plugins.tfjs.nanodet;

import io.action4j.api.detection.Keyframe;
import io.action4j.api.detection.NormalizedBox;
import io.action4j.api.detection.PersonBox;
import io.action4j.api.detection.PersonBoxSource;
import io.action4j.plugins.tfjs.graph.TfjsGraphModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * People on a keyframe by NanoDet-m (COCO class 0, {@code person}): the frame stretched to the model's square
 * input, the TensorFlow.js graph run in SameDiff, its three strides decoded, boxes above the score threshold
 * kept after NMS. Boxes are fractions of the frame (the stretch maps back by fractions unchanged). Not safe for
 * concurrent calls: one detector per thread.
 */
public final class NanoDetPersonDetector implements PersonBoxSource {

    static final int PERSON = 0;
    static final int[] STRIDES = {8, 16, 32};

    private final TfjsGraphModel model;
    private final NanoDetConfig config;
    private final String input;
    private final Map<Integer, String[]> headOutputs;
    private final NanoDetDecoder decoder;

    /**
     * @throws IllegalArgumentException when the graph's input or outputs are not NanoDet-m's for {@code config}'s
     *     input size
     */
    NanoDetPersonDetector(TfjsGraphModel model, NanoDetConfig config) {
        this.model = model;
        this.config = config;
        this.input = onlyInput(model, config.inputSize());
        this.headOutputs = headOutputs(model, config.inputSize());
        this.decoder = new NanoDetDecoder(config.inputSize());
    }

    private static String onlyInput(TfjsGraphModel model, int size) {
        Map<String, long[]> inputs = model.inputShapes();
        if (inputs.size() != 1) {
            throw new IllegalArgumentException("NanoDet-m has one input, this graph has " + inputs.keySet());
        }
        Map.Entry<String, long[]> only = inputs.entrySet().iterator().next();
        long[] expected = {1, 3, size, size};
        long[] shape = only.getValue();
        for (int i = 0; i < shape.length; i++) {
            shape[i] = shape[i] < 0 ? expected[i] : shape[i];
        }
        if (!Arrays.equals(shape, expected)) {
            throw new IllegalArgumentException("inputSize " + size + " does not fit the model's input "
                    + only.getKey() + Arrays.toString(only.getValue()));
        }
        return only.getKey();
    }

    /** Stride to its (scores, distributions) outputs, found by shape as human's nanodet.ts finds them. */
    private static Map<Integer, String[]> headOutputs(TfjsGraphModel model, int size) {
        Map<Integer, String[]> heads = new LinkedHashMap<>();
        Map<String, long[]> shapes = model.outputShapes();
        for (int stride : STRIDES) {
            long cells = (long) (size / stride) * (size / stride);
            String scores = outputOfShape(shapes, cells, NanoDetDecoder.CLASSES);
            String distributions = outputOfShape(shapes, cells, NanoDetDecoder.SIDES * NanoDetDecoder.BINS);
            if (scores == null || distributions == null) {
                throw new IllegalArgumentException("the model has no [1, " + cells + ", " + NanoDetDecoder.CLASSES
                        + "] and [1, " + cells + ", " + NanoDetDecoder.SIDES * NanoDetDecoder.BINS
                        + "] outputs for stride " + stride + "; outputs: " + describe(shapes));
            }
            heads.put(stride, new String[] {scores, distributions});
        }
        return heads;
    }

    private static String outputOfShape(Map<String, long[]> shapes, long cells, long channels) {
        return shapes.entrySet().stream()
                .filter(output -> Arrays.equals(output.getValue(), new long[] {1, cells, channels}))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(null);
    }

    private static String describe(Map<String, long[]> shapes) {
        List<String> described = new ArrayList<>();
        shapes.forEach((name, shape) -> described.add(name + Arrays.toString(shape)));
        return String.join(", ", described);
    }

    @Override
    public List<PersonBox> boxes(Keyframe keyframe) {
        int size = config.inputSize();
        float[] pixels = NanoDetInput.of(keyframe.frame(), size, config.normalization());
        Map<String, INDArray> outputs = model.run(Map.of(input,
                Nd4j.create(pixels, new long[] {1, 3, size, size}, DataType.FLOAT)));
        List<Detection> candidates = new ArrayList<>();
        for (Map.Entry<Integer, String[]> head : headOutputs.entrySet()) {
            float[] scores = outputs.get(head.getValue()[0]).ravel().toFloatVector();
            float[] distributions = outputs.get(head.getValue()[1]).ravel().toFloatVector();
            candidates.addAll(decoder.decode(head.getKey(), scores, distributions, PERSON, config.scoreThreshold()));
        }
        List<PersonBox> people = new ArrayList<>();
        for (Detection detection : NonMaxSuppression.apply(candidates, config.nmsIou())) {
            people.add(new PersonBox(new NormalizedBox(detection.x1(), detection.y1(), detection.x2(), detection.y2()),
                    detection.score()));
        }
        return people;
    }
}
