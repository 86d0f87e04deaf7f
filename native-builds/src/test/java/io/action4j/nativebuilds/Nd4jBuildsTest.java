package io.action4j.nativebuilds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The choice from a CPU's features, on three kinds of machine: {@code /proc/cpuinfo} of an AVX-512
 * EPYC (this project's machines), of a Zen 1 EPYC 7551 (AVX2 and FMA, no AVX-512: the machine that
 * crashed with SIGILL) and of a Sandy Bridge Xeon (AVX, no AVX2), transcribed into test resources.
 */
class Nd4jBuildsTest {

    private static final List<Nd4jBuild> SHIPPED = List.of(Nd4jBuild.ONEDNN_AVX512, Nd4jBuild.ONEDNN_AVX2, Nd4jBuild.ONEDNN);

    @Test
    void avx512MachineGetsTheAvx512Build() {
        Nd4jBuildSelection selection = Nd4jBuilds.choose(cpu("zen4-epyc-avx512.txt"), SHIPPED, Optional.empty());

        assertThat(selection.build()).contains(Nd4jBuild.ONEDNN_AVX512);
        assertThat(selection.forcedBy()).isEmpty();
        assertThat(selection.reason()).startsWith("the fastest shipped build this CPU runs (the CPU has avx, avx2, fma");
        assertThat(selection.runnable()).containsExactlyElementsOf(SHIPPED);
    }

    @Test
    void zen1WithoutAvx512GetsTheAvx2BuildAndSaysWhy() {
        CpuFeatures zen1 = cpu("zen1-epyc-7551.txt");
        Nd4jBuildSelection selection = Nd4jBuilds.choose(zen1, SHIPPED, Optional.empty());

        assertThat(zen1.model()).isEqualTo("AMD EPYC 7551 32-Core Processor");
        assertThat(selection.build()).contains(Nd4jBuild.ONEDNN_AVX2);
        assertThat(selection.reason()).isEqualTo("onednn-avx512 skipped (CPU lacks avx512f, avx512cd, avx512bw, "
                + "avx512dq, avx512vl); the fastest shipped build this CPU runs (the CPU has avx, avx2, fma, f16c)");
        assertThat(selection.runnable()).containsExactly(Nd4jBuild.ONEDNN_AVX2, Nd4jBuild.ONEDNN);
    }

    @Test
    void cpuWithoutAvx2GetsTheBaseline() {
        Nd4jBuildSelection selection = Nd4jBuilds.choose(cpu("sandy-bridge-xeon-e5-2670.txt"), SHIPPED, Optional.empty());

        assertThat(selection.build()).contains(Nd4jBuild.ONEDNN);
        assertThat(selection.reason()).contains("onednn-avx2 skipped (CPU lacks avx2, fma, f16c)")
                .endsWith("(it needs no extension beyond x86-64)");
    }

    @Test
    void everyFeatureOfABuildIsChecked() {
        // AVX-512 foundation alone is not enough: the build also uses BW, DQ, VL and CD instructions.
        CpuFeatures partial = CpuFeatures.of("hypothetical", List.of("avx", "avx2", "fma", "f16c", "bmi1", "bmi2",
                "avx512f", "avx512cd"));

        assertThat(Nd4jBuilds.choose(partial, SHIPPED, Optional.empty()).build()).contains(Nd4jBuild.ONEDNN_AVX2);
    }

    @Test
    void forcedBuildTheCpuLacksIsRefusedNamingBuildAndFeatures() {
        Nd4jBuilds.Request request = new Nd4jBuilds.Request("onednn-avx512", Nd4jBuilds.ENVIRONMENT);

        assertThatThrownBy(() -> Nd4jBuilds.choose(cpu("zen1-epyc-7551.txt"), SHIPPED, Optional.of(request)))
                .isInstanceOf(Nd4jBuildException.class)
                .hasMessage("ACTION4J_ND4J_BUILD=onednn-avx512: the ND4J build 'onednn-avx512' needs CPU features "
                        + "that this CPU (AMD EPYC 7551 32-Core Processor) lacks: avx512f, avx512cd, avx512bw, avx512dq, "
                        + "avx512vl; it would die of an illegal instruction. Builds this CPU runs: onednn-avx2, onednn; "
                        + "remove ACTION4J_ND4J_BUILD to choose automatically.");
    }

    @Test
    void forcedBuildThatRunsIsTakenInAnySpelling() {
        for (String spelling : List.of("onednn-avx2", "-onednn-avx2", "linux-x86_64-onednn-avx2", " ONEDNN-AVX2 ")) {
            Nd4jBuildSelection selection = Nd4jBuilds.choose(cpu("zen4-epyc-avx512.txt"), SHIPPED,
                    Optional.of(new Nd4jBuilds.Request(spelling, "-D" + Nd4jBuilds.PROPERTY)));

            assertThat(selection.build()).as(spelling).contains(Nd4jBuild.ONEDNN_AVX2);
            assertThat(selection.forcedBy()).contains("-Daction4j.nd4j.build=" + spelling);
            assertThat(selection.reason()).isEqualTo("forced by -Daction4j.nd4j.build=" + spelling);
        }
    }

    @Test
    void unknownOrUnshippedBuildsAreRefused() {
        CpuFeatures cpu = cpu("zen4-epyc-avx512.txt");

        assertThatThrownBy(() -> Nd4jBuilds.choose(cpu, SHIPPED,
                Optional.of(new Nd4jBuilds.Request("onednn-avx1024", Nd4jBuilds.ENVIRONMENT))))
                .isInstanceOf(Nd4jBuildException.class)
                .hasMessage("ACTION4J_ND4J_BUILD=onednn-avx1024 names no ND4J build; known builds: "
                        + "onednn-avx512, onednn-avx2, onednn, avx512, avx2, generic");
        assertThatThrownBy(() -> Nd4jBuilds.choose(cpu, SHIPPED,
                Optional.of(new Nd4jBuilds.Request("avx2", Nd4jBuilds.ENVIRONMENT))))
                .isInstanceOf(Nd4jBuildException.class)
                .hasMessage("ACTION4J_ND4J_BUILD=avx2: the ND4J build 'avx2' (org.nd4j:nd4j-native, classifier "
                        + "linux-x86_64-avx2) is not on the class path; shipped: onednn-avx512, onednn-avx2, onednn");
    }

    @Test
    void unreadableFeaturesFallBackToTheBaseline() {
        CpuFeatures unknown = CpuFeatures.parse("processor\t: 0\nmodel name\t: mystery\n");

        Nd4jBuildSelection selection = Nd4jBuilds.choose(unknown, SHIPPED, Optional.empty());

        assertThat(unknown.unreadable()).contains("no 'flags' line in /proc/cpuinfo");
        assertThat(selection.build()).contains(Nd4jBuild.ONEDNN);
        assertThat(selection.reason()).startsWith("CPU features unknown (no 'flags' line in /proc/cpuinfo)");
    }

    @Test
    void noShippedCpuBuildLeavesNd4jAlone() {
        Nd4jBuildSelection selection = Nd4jBuilds.choose(cpu("zen1-epyc-7551.txt"), List.of(), Optional.empty());

        assertThat(selection.build()).isEmpty();
        assertThat(selection.buildId()).isEqualTo("none");
    }

    @Test
    void requestsComeFromThePropertyThenTheEnvironment() {
        assertThat(Nd4jBuilds.request(Map.of(Nd4jBuilds.ENVIRONMENT, "onednn")))
                .contains(new Nd4jBuilds.Request("onednn", "ACTION4J_ND4J_BUILD"));
        assertThat(Nd4jBuilds.request(Map.of(Nd4jBuilds.ENVIRONMENT, "  "))).isEmpty();
    }

    @Test
    void buildNamesMapToJavaCppExtensionsAndClassifiers() {
        assertThat(Nd4jBuild.ONEDNN_AVX2.extension()).isEqualTo("-onednn-avx2");
        assertThat(Nd4jBuild.ONEDNN_AVX2.classifier()).isEqualTo("linux-x86_64-onednn-avx2");
        assertThat(Nd4jBuild.GENERIC.classifier()).isEqualTo("linux-x86_64");
        assertThat(Nd4jBuild.parse("linux-x86_64")).contains(Nd4jBuild.GENERIC);
        assertThat(Nd4jBuild.parse("cudnn")).isEmpty();
    }

    static CpuFeatures cpu(String resource) {
        try (InputStream in = Nd4jBuildsTest.class.getResourceAsStream("/cpuinfo/" + resource)) {
            return CpuFeatures.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
