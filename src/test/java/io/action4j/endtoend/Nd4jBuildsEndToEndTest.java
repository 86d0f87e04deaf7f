package io.action4j.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.action4j.engine.data.NpyFiles;
import io.action4j.launcher.Main;
import io.action4j.nativebuilds.CpuFeatures;
import io.action4j.nativebuilds.Nd4jBuild;
import io.action4j.nativebuilds.Nd4jBuilds;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every ND4J build this CPU can run, forced one at a time in a JVM of its own (a process loads one
 * native library for good), runs the built-in model on the same real clip: the outputs agree, and
 * each JVM really loaded the build it was asked for. oneDNN picks its kernels for the CPU at run
 * time, whatever the build; each child caps it ({@code DNNL_MAX_CPU_ISA}) at its build's instruction
 * set, so the AVX2 build runs the AVX2 kernels an AVX2-only machine runs, and the baseline SSE4.1 ones. A build the CPU cannot run, or one that does
 * not exist, ends in one clear line, not in a signal.
 */
class Nd4jBuildsEndToEndTest {

    /** Logits of the built-in model are O(10); builds differ in vector width and so in summation order. */
    private static final double TOLERANCE = 1e-4;

    /** oneDNN's instruction-set cap that reproduces, on any CPU that runs a build, the kernels of its minimum CPU. */
    private static final Map<Nd4jBuild, String> ONEDNN_ISA = Map.of(
            Nd4jBuild.ONEDNN_AVX512, "ALL", Nd4jBuild.ONEDNN_AVX2, "AVX2", Nd4jBuild.ONEDNN, "SSE41");
    /** What oneDNN (v2.3 in ND4J M2.1) reports under those caps, where the cap decides it. */
    private static final Map<Nd4jBuild, String> ONEDNN_KERNELS = Map.of(
            Nd4jBuild.ONEDNN_AVX2, "Intel AVX2", Nd4jBuild.ONEDNN, "Intel SSE4.1");

    @TempDir
    Path folder;

    @Test
    void everyRunnableBuildGivesTheBuiltInModelsOutput() throws Exception {
        Path config = Launcher.repository().resolve("configs/recognition/synth/r3d-small_synth.yaml");
        Path checkpoint = Launcher.repository()
                .resolve("launcher/src/main/resources/io/action4j/launcher/demo/r3d-small_synth.safetensors");
        Path clip = folder.resolve("clip.npy");
        Launcher.Result pipeline = Launcher.run("pipeline", "show", config.toString(),
                PipelineShowEndToEndTest.demoVideo().toString(), "--out", clip.toString());
        assertThat(pipeline.exitCode()).as(pipeline.err()).isZero();

        List<Nd4jBuild> runnable = Nd4jBuilds.runnable(CpuFeatures.ofThisMachine(), Nd4jBuilds.shipped());
        assertThat(runnable).as("an AVX2 machine runs these two").contains(Nd4jBuild.ONEDNN_AVX2, Nd4jBuild.ONEDNN);
        List<float[]> outputs = new ArrayList<>();
        for (Nd4jBuild build : runnable) {
            Path output = folder.resolve(build.id() + ".npy");
            ChildJvm.Result child = runChild(build.id(), Map.of("DNNL_MAX_CPU_ISA", ONEDNN_ISA.get(build), "DNNL_VERBOSE", "1"),
                    "model", "run", config.toString(), "--checkpoint", checkpoint.toString(),
                    "--input", clip.toString(), "--output", output.toString());

            assertThat(child.exitCode()).as(child.output()).isZero();
            assertThat(child.output()).contains("loaded ND4J library: ")
                    .contains("/" + build.classifier() + "/libnd4jcpu.so");
            if (ONEDNN_KERNELS.containsKey(build)) {
                assertThat(child.output()).contains("dnnl_verbose,info,cpu,isa:" + ONEDNN_KERNELS.get(build));
            }
            outputs.add(NpyFiles.readFloat32(output).values());
        }
        float[] reference = outputs.get(0);
        assertThat(reference).hasSize(9);
        for (int i = 1; i < outputs.size(); i++) {
            float[] other = outputs.get(i);
            double largest = 0;
            for (int k = 0; k < reference.length; k++) {
                largest = Math.max(largest, Math.abs(reference[k] - other[k]));
            }
            assertThat(largest).as(runnable.get(i).id() + " against " + runnable.get(0).id()).isLessThan(TOLERANCE);
        }
    }

    @Test
    void unknownBuildIsOneClearLineAndNoCrash() throws Exception {
        ChildJvm.Result child = runChild("onednn-avx1024", Map.of(), "info");

        assertThat(child.exitCode()).isEqualTo(1);
        assertThat(child.output()).contains("error: -Daction4j.nd4j.build=onednn-avx1024 names no ND4J build; "
                + "known builds: onednn-avx512, onednn-avx2, onednn, avx512, avx2, generic");
        assertThat(child.output()).doesNotContain("SIGILL").doesNotContain("hs_err");
    }

    @Test
    void buildThisCpuCannotRunIsRefusedBeforeNd4jLoads() throws Exception {
        List<Nd4jBuild> shipped = Nd4jBuilds.shipped();
        List<Nd4jBuild> unrunnable = new ArrayList<>(shipped);
        unrunnable.removeAll(Nd4jBuilds.runnable(CpuFeatures.ofThisMachine(), shipped));
        // On an AVX-512 machine every shipped build runs; Nd4jBuildsTest covers the refusal from a feature list.
        assumeFalse(unrunnable.isEmpty(), "this CPU runs every shipped build");

        ChildJvm.Result child = runChild(unrunnable.get(0).id(), Map.of(), "demo");

        assertThat(child.exitCode()).isEqualTo(1);
        assertThat(child.output()).contains("the ND4J build '" + unrunnable.get(0).id() + "' needs CPU features")
                .contains("it would die of an illegal instruction");
    }

    /** The launcher in a fresh JVM with the build forced by system property. */
    private ChildJvm.Result runChild(String build, Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        Map<String, String> variables = new HashMap<>(environment);
        variables.put(Nd4jBuilds.ENVIRONMENT, null);
        ChildJvm.Result child = ChildJvm.run(List.of("-Xmx1g", "-XX:TieredStopAtLevel=1",
                "-XX:ErrorFile=" + folder.resolve("hs_err_%p.log"), "-D" + Nd4jBuilds.PROPERTY + "=" + build),
                List.of(), ForcedBuildLauncher.class.getName(), List.of(args), variables, folder);
        try (var files = Files.list(folder)) {
            assertThat(files.map(Path::getFileName).map(Path::toString)).noneMatch(name -> name.startsWith("hs_err"));
        }
        return child;
    }

    /** Runs one launcher command, then says which ND4J library the JVM loaded. */
    public static final class ForcedBuildLauncher {

        private ForcedBuildLauncher() {
        }

        public static void main(String[] args) {
            PrintWriter out = new PrintWriter(System.out, true);
            int code = Main.run(args, out, new PrintWriter(System.err, true),
                    Map.of("HOME", System.getProperty("java.io.tmpdir")));
            out.println("loaded ND4J library: " + Nd4jBuilds.loadedLibrary().orElse("(none)"));
            System.exit(code);
        }
    }
}
