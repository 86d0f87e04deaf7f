package io.action4j.localization.run;

import io.action4j.api.result.ClipScores;
import io.action4j.api.result.TemporalSegment;
import io.action4j.api.video.VideoException;
import io.action4j.api.video.VideoReader;
import io.action4j.engine.recognition.Recognizer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Labels class-agnostic proposals with a recognition model: run on each proposal's own frames
 * ({@link #classify}, the one that fits videos with several kinds of action: a proposal gets the best of
 * the output classes, and the score {@code proposal score x class probability}), or once on the whole
 * video ({@link #classifyByVideo}, ActivityNet's recipe). The recognizer's classes are matched to the output
 * classes by name, so a recognizer that knows more (a background class such as {@code still}) labels
 * only with the classes asked for.
 */
public final class ProposalClassifier {

    private final Recognizer recognizer;
    private final int[] recognizerIndex;
    private final List<String> outputClasses;

    /**
     * @param recognizerClasses the recognizer's class names, in its order (averaging {@code prob}: probabilities)
     * @param outputClasses the labels segments get; each must be one of the recognizer's
     * @throws IllegalArgumentException naming an output class the recognizer does not know
     */
    public ProposalClassifier(Recognizer recognizer, List<String> recognizerClasses, List<String> outputClasses) {
        if (recognizerClasses.size() != recognizer.numClasses()) {
            throw new IllegalArgumentException(recognizerClasses.size() + " class names for a recognizer of "
                    + recognizer.numClasses() + " classes");
        }
        this.recognizer = recognizer;
        this.outputClasses = List.copyOf(outputClasses);
        this.recognizerIndex = new int[outputClasses.size()];
        for (int i = 0; i < outputClasses.size(); i++) {
            recognizerIndex[i] = recognizerClasses.indexOf(outputClasses.get(i));
            if (recognizerIndex[i] < 0) {
                throw new IllegalArgumentException("class '" + outputClasses.get(i) + "' is not one of the recognizer's "
                        + recognizerClasses);
            }
        }
    }

    public List<String> outputClasses() {
        return outputClasses;
    }

    /**
     * ActivityNet's video-level recipe instead: the recognizer scores the whole video once, and every
     * proposal is repeated with each of the {@code topK} best output classes, scored proposal score x
     * class probability (best first). Fits videos of one kind of action, as ActivityNet's are.
     */
    public List<TemporalSegment> classifyByVideo(Path video, List<TemporalSegment> proposals, int topK)
            throws VideoException {
        float[] scores = recognizer.recognize(video).scores();
        Integer[] order = new Integer[recognizerIndex.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Float.compare(scores[recognizerIndex[b]], scores[recognizerIndex[a]]));
        List<TemporalSegment> labelled = new ArrayList<>(proposals.size() * topK);
        for (TemporalSegment proposal : proposals) {
            for (int rank = 0; rank < Math.min(topK, order.length); rank++) {
                int label = order[rank];
                labelled.add(new TemporalSegment(proposal.startSeconds(), proposal.endSeconds(), label,
                        proposal.score() * scores[recognizerIndex[label]]));
            }
        }
        labelled.sort((a, b) -> Double.compare(b.score(), a.score()));
        return labelled;
    }

    /** The proposals labelled, in their order; times in seconds, read from {@code reader}'s frames. */
    public List<TemporalSegment> classify(Path video, VideoReader reader, List<TemporalSegment> proposals)
            throws VideoException {
        double fps = reader.metadata().fps();
        int frames = Math.max(1, reader.metadata().frameCount());
        List<TemporalSegment> labelled = new ArrayList<>(proposals.size());
        for (TemporalSegment proposal : proposals) {
            int start = Math.min(frames - 1, Math.max(0, (int) Math.floor(proposal.startSeconds() * fps)));
            int end = Math.min(frames, Math.max(start + 1, (int) Math.ceil(proposal.endSeconds() * fps)));
            ClipScores scores = recognizer.recognize(video, reader, start, end);
            int best = 0;
            for (int i = 1; i < recognizerIndex.length; i++) {
                if (scores.scores()[recognizerIndex[i]] > scores.scores()[recognizerIndex[best]]) {
                    best = i;
                }
            }
            labelled.add(new TemporalSegment(proposal.startSeconds(), proposal.endSeconds(), best,
                    proposal.score() * scores.scores()[recognizerIndex[best]]));
        }
        labelled.sort((a, b) -> Double.compare(b.score(), a.score()));
        return labelled;
    }
}
