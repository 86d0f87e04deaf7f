package io.action4j.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.action4j.nativebuilds.CpuFeatures;
import io.action4j.nativebuilds.Nd4jBuildSelection;
import io.action4j.nativebuilds.Nd4jBuilds;
import io.action4j.nativebuilds.OneDnnKernels;
import org.junit.jupiter.api.Test;

/** {@code action4j info}: what a bug report needs, as text and as JSON, agreeing with the selector. */
class InfoEndToEndTest {

    @Test
    void textNamesCpuBuildReasonThreadsJavaAndPlugins() {
        Launcher.Result result = Launcher.run("info");
        Nd4jBuildSelection selection = Nd4jBuilds.select();

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out())
                .contains("CPU: " + CpuFeatures.ofThisMachine().model())
                .containsPattern("features: (-?sse4_2) (-?avx) (-?avx2) (-?fma)")
                .contains("ND4J 1.0.0-M2.1 build: " + selection.buildId())
                .contains("why: " + selection.reason())
                .contains("/" + selection.build().orElseThrow().classifier() + "/libnd4jcpu.so")
                .contains("oneDNN: active")
                .contains("oneDNN kernels: " + OneDnnKernels.describe(CpuFeatures.ofThisMachine()))
                .containsPattern("Threads: OMP_NUM_THREADS=\\S+, ND4J uses \\d+")
                .contains("Java: " + System.getProperty("java.version"))
                .containsPattern("Plugins: \\d+ loaded, 0 problem\\(s\\)")
                .containsPattern("action4j \\S+ \\(commit \\S+\\), plugin API 0.1");
    }

    @Test
    void jsonCarriesTheSameFacts() throws Exception {
        Launcher.Result result = Launcher.run("info", "--format", "json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode info = new ObjectMapper().readTree(result.out());
        CpuFeatures cpu = CpuFeatures.ofThisMachine();
        assertThat(info.at("/cpu/model").asText()).isEqualTo(cpu.model());
        assertThat(info.at("/cpu/features/avx2").asBoolean()).isEqualTo(cpu.has("avx2"));
        assertThat(info.at("/cpu/features/avx512f").asBoolean()).isEqualTo(cpu.has("avx512f"));
        assertThat(info.at("/nd4j/build").asText()).isEqualTo(Nd4jBuilds.select().buildId());
        assertThat(info.at("/nd4j/shipped")).hasSize(3);
        assertThat(info.at("/nd4j/oneDnnCompiledIn").asBoolean()).isTrue();
        assertThat(info.at("/nd4j/oneDnnKernels").asText()).isEqualTo(OneDnnKernels.describe(CpuFeatures.ofThisMachine()));
        assertThat(info.at("/nd4j/loadedLibrary").asText()).endsWith("/libnd4jcpu.so");
        assertThat(info.at("/threads/nd4j").asInt()).isPositive();
        assertThat(info.at("/java/maxHeapBytes").asLong()).isPositive();
        assertThat(info.at("/action4j/pluginApi").asText()).isEqualTo("0.1");
    }

    @Test
    void runnableBuildsListsOnePerLineFastestFirst() {
        Launcher.Result result = Launcher.run("info", "--runnable-builds");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out().lines()).containsExactlyElementsOf(
                Nd4jBuilds.select().runnable().stream().map(build -> build.id()).toList());
    }
}
