package io.action4j.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NearestNameTest {

    private static final List<String> KEYS = List.of("clipLen", "frameInterval", "numClips", "testMode", "twiceSample");
    private static final List<String> BACKBONES = List.of("c3d", "csn", "resnet2d", "resnet3d", "s3d", "slowfast");

    @Test
    void aSlipOfOneOrTwoEditsNamesTheKeyMeant() {
        assertThat(NearestName.among("clipLenn", KEYS)).contains("clipLen");
        assertThat(NearestName.among("framInterval", KEYS)).contains("frameInterval");
        assertThat(NearestName.among("numclips", KEYS)).contains("numClips");
        assertThat(NearestName.among("tsetMode", KEYS)).as("two neighbours swapped").contains("testMode");
        assertThat(NearestName.among("slowfst", BACKBONES)).contains("slowfast");
    }

    @Test
    void aNameFarFromEveryKnownOneOrEquallyNearTwoGetsNoHint() {
        assertThat(NearestName.among("depth", KEYS)).isEmpty();
        assertThat(NearestName.among("acme.plain3d", BACKBONES)).isEmpty();
        // One edit from c3d, csn and s3d alike: no guess.
        assertThat(NearestName.among("c3n", BACKBONES)).isEmpty();
        // Short names allow one edit only.
        assertThat(NearestName.among("x", List.of("xy", "ab"))).contains("xy");
        assertThat(NearestName.among("ab", List.of("ba"))).contains("ba");
        assertThat(NearestName.among("abc", List.of("xyc"))).isEmpty();
    }

    @Test
    void hintIsASentenceFragmentOrNothing() {
        assertThat(NearestName.hint("resnet3dd", BACKBONES)).isEqualTo(" (did you mean 'resnet3d'?)");
        assertThat(NearestName.hint("transformer", BACKBONES)).isEmpty();
    }

    @Test
    void distanceCountsInsertionsDeletionsSubstitutionsAndSwaps() {
        assertThat(NearestName.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(NearestName.distance("ab", "ba")).isEqualTo(1);
        assertThat(NearestName.distance("", "abc")).isEqualTo(3);
        assertThat(NearestName.distance("same", "same")).isZero();
    }
}
