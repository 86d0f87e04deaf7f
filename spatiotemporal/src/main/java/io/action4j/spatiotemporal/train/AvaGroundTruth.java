package io.action4j.spatiotemporal.train;

import io.action4j.api.detection.NormalizedBox;
import io.action4j.spatiotemporal.ava.AvaCsvReader;
import io.action4j.spatiotemporal.ava.AvaCsvRow;
import io.action4j.spatiotemporal.ava.KeyframeKey;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An AVA ground-truth CSV ({@code video_id,timestamp,x1,y1,x2,y2,action_id,person_id}) as the people on
 * each keyframe: AVA writes a row per action, so a person's rows (the same box) are gathered into one
 * person with all their actions. Keyframes in file order.
 */
public final class AvaGroundTruth {

    /** One person on a keyframe and every action they do there. */
    public record Person(NormalizedBox box, Set<Integer> actions) {

        public Person {
            actions = Set.copyOf(actions);
        }
    }

    /** A keyframe with people on it. */
    public record Keyframe(KeyframeKey key, double seconds, List<Person> people) {

        public Keyframe {
            people = List.copyOf(people);
        }
    }

    private AvaGroundTruth() {
    }

    /**
     * @throws IOException naming the file and line of a malformed row
     */
    public static List<Keyframe> read(Path file) throws IOException {
        Map<KeyframeKey, Map<NormalizedBox, Set<Integer>>> people = new LinkedHashMap<>();
        Map<KeyframeKey, Double> seconds = new LinkedHashMap<>();
        for (AvaCsvRow row : AvaCsvReader.read(file)) {
            people.computeIfAbsent(row.keyframe(), key -> new LinkedHashMap<>())
                    .computeIfAbsent(row.box(), box -> new LinkedHashSet<>()).add(row.actionId());
            seconds.putIfAbsent(row.keyframe(), row.timestampSeconds());
        }
        List<Keyframe> keyframes = new ArrayList<>();
        people.forEach((key, boxes) -> {
            List<Person> persons = new ArrayList<>();
            boxes.forEach((box, actions) -> persons.add(new Person(box, actions)));
            keyframes.add(new Keyframe(key, seconds.get(key), persons));
        });
        return List.copyOf(keyframes);
    }
}
