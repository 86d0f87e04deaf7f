package io.action4j.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** An OutOfMemoryError ends a command with one line saying which memory ran out and how to get more. */
class OutOfMemoryMessageTest {

    @Test
    void theJavaHeapNamesItsSizeAndTheSettingThatRaisesIt() {
        String message = Main.outOfMemory(new OutOfMemoryError("Java heap space"), 2048L * 1024 * 1024);

        assertThat(message).isEqualTo("out of memory: the Java heap (2048 MB) ran out; give it more with "
                + "ACTION4J_JAVA_OPTS=-Xmx8g, or use a smaller --batch, input or window (Java heap space)");
    }

    @Test
    void javaCppsNativeLimitNamesItsOwnSettings() {
        // The message JavaCPP's Pointer.deallocator throws when ND4J's arrays pass maxPhysicalBytes.
        String message = Main.outOfMemory(new OutOfMemoryError("Physical memory usage is too high: physicalBytes "
                + "(25G) > maxPhysicalBytes (24G)"), 2048L * 1024 * 1024);

        assertThat(message).startsWith("out of memory: native memory (ND4J's arrays) ran out")
                .contains("-Dorg.bytedeco.javacpp.maxPhysicalBytes=").contains("maxPhysicalBytes (24G)");
    }
}
