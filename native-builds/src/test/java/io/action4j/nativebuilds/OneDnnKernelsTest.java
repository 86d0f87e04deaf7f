package io.action4j.nativebuilds;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OneDnnKernelsTest {

    private static final CpuFeatures AVX512 = CpuFeatures.of("AMD EPYC 9R45",
            List.of("sse4_1", "avx", "avx2", "fma", "avx512f", "avx512bw", "avx512dq", "avx512vl"));
    private static final CpuFeatures ZEN1 = CpuFeatures.of("AMD EPYC 7551 32-Core Processor",
            List.of("sse4_1", "avx", "avx2", "fma"));
    private static final CpuFeatures OLD = CpuFeatures.of("Intel Xeon E5-2670", List.of("sse4_1", "avx"));

    @Test
    void kernelsFollowTheCpuWhateverTheBuildUnlessCapped() {
        assertThat(OneDnnKernels.describe(AVX512, Optional.empty()))
                .isEqualTo("AVX-512 (avx512_core) (this CPU's widest, whatever the ND4J build; DNNL_MAX_CPU_ISA can cap it)");
        assertThat(OneDnnKernels.describe(ZEN1, Optional.of("ALL"))).startsWith("AVX2 (this CPU's widest");
        assertThat(OneDnnKernels.describe(OLD, Optional.of(" "))).startsWith("AVX (this CPU's widest");
    }

    @Test
    void aCapNarrowerThanTheCpuIsWhatRuns() {
        assertThat(OneDnnKernels.describe(AVX512, Optional.of("AVX2")))
                .isEqualTo("AVX2 (capped by DNNL_MAX_CPU_ISA=AVX2; this CPU has AVX-512 (avx512_core))");
        assertThat(OneDnnKernels.describe(AVX512, Optional.of("avx2_vnni"))).startsWith("AVX2 (capped by");
        assertThat(OneDnnKernels.describe(ZEN1, Optional.of("SSE41"))).startsWith("SSE4.1 (capped by");
    }

    @Test
    void aCapWiderThanTheCpuOrUnknownChangesNothingAndSaysSo() {
        assertThat(OneDnnKernels.describe(ZEN1, Optional.of("AVX512_CORE")))
                .isEqualTo("AVX2 (this CPU's widest; DNNL_MAX_CPU_ISA=AVX512_CORE does not narrow it)");
        assertThat(OneDnnKernels.describe(ZEN1, Optional.of("AVX3"))).contains("AVX2 (this CPU's widest")
                .contains("DNNL_MAX_CPU_ISA=AVX3 is no instruction set oneDNN names");
    }

    @Test
    void briefIsTheInstructionSetAndWhetherACapChoseIt() {
        assertThat(OneDnnKernels.brief(AVX512, Optional.empty())).isEqualTo("AVX-512 (avx512_core)");
        assertThat(OneDnnKernels.brief(AVX512, Optional.of("AVX2"))).isEqualTo("AVX2 (capped by DNNL_MAX_CPU_ISA)");
        assertThat(OneDnnKernels.brief(ZEN1, Optional.of("AVX512_CORE"))).isEqualTo("AVX2");
    }

    @Test
    void unreadableOrAncientCpusAreSaidPlainly() {
        assertThat(OneDnnKernels.describe(CpuFeatures.of("?", List.of("sse2")), Optional.empty()))
                .startsWith("none of oneDNN's");
        assertThat(OneDnnKernels.describe(CpuFeatures.parse("model name : x\n"), Optional.empty()))
                .isEqualTo("unknown (the CPU's features could not be read)");
    }
}
