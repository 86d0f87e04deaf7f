package io.action4j.nativebuilds;

import java.util.List;
import java.util.Optional;

/**
 * Which ND4J native build this JVM loads, and why.
 *
 * @param build the chosen build; empty when no ND4J CPU build of ours is on the class path (a CUDA
 *        backend, another platform), and ND4J loads what it finds
 * @param reason one sentence for a user or a bug report
 * @param forcedBy where a user forced the build ({@code ACTION4J_ND4J_BUILD=onednn-avx2}), if they did
 * @param cpu the features the choice was made from
 * @param shipped the builds on the class path, in order of preference
 */
public record Nd4jBuildSelection(
        Optional<Nd4jBuild> build, String reason, Optional<String> forcedBy, CpuFeatures cpu, List<Nd4jBuild> shipped) {

    public Nd4jBuildSelection {
        shipped = List.copyOf(shipped);
    }

    /** The shipped builds this CPU can run, fastest first. */
    public List<Nd4jBuild> runnable() {
        return Nd4jBuilds.runnable(cpu, shipped);
    }

    /** The chosen build's id, or {@code "none"}. */
    public String buildId() {
        return build.map(Nd4jBuild::id).orElse("none");
    }
}
