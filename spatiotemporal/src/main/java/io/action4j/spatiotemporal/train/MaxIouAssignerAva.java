package io.action4j.spatiotemporal.train;

import io.action4j.api.detection.NormalizedBox;
import io.action4j.spatiotemporal.boxes.BoxIou;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Assigns proposals to ground-truth people by overlap, as MMAction2's {@code MaxIoUAssignerAVA} does with
 * its AVA settings ({@code pos_iou_thr = neg_iou_thr = min_pos_iou}): a proposal whose largest IoU with a
 * person reaches {@code posIouThr} takes that person's actions (ties to the first person); the others are
 * negatives, which the AVA head's loss leaves out.
 */
public final class MaxIouAssignerAva {

    private final double posIouThr;

    /** @param posIouThr the least IoU for a positive (MMAction2's AVA configs: 0.9) */
    public MaxIouAssignerAva(double posIouThr) {
        if (!(posIouThr > 0 && posIouThr <= 1)) {
            throw new IllegalArgumentException("posIouThr must be in (0, 1], got " + posIouThr);
        }
        this.posIouThr = posIouThr;
    }

    /** The person each proposal is assigned to, or empty for a negative. */
    public List<Optional<AvaGroundTruth.Person>> assign(List<NormalizedBox> proposals,
                                                       List<AvaGroundTruth.Person> people) {
        List<Optional<AvaGroundTruth.Person>> assigned = new ArrayList<>(proposals.size());
        for (NormalizedBox proposal : proposals) {
            AvaGroundTruth.Person best = null;
            double bestIou = -1;
            for (AvaGroundTruth.Person person : people) {
                double iou = BoxIou.of(proposal, person.box());
                if (iou > bestIou) {
                    bestIou = iou;
                    best = person;
                }
            }
            assigned.add(best != null && bestIou >= posIouThr ? Optional.of(best) : Optional.empty());
        }
        return assigned;
    }
}
