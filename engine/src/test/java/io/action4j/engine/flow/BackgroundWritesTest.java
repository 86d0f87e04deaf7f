package io.action4j.engine.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Flow files written behind the computation: in order, bounded, and the first failure is the run's. */
class BackgroundWritesTest {

    @Test
    void writesRunInTheOrderSubmittedAndFinishWaitsForAll() throws Exception {
        List<Integer> written = new CopyOnWriteArrayList<>();
        try (BackgroundWrites writes = new BackgroundWrites(Path.of("clip.mp4"))) {
            for (int pair = 1; pair <= 20; pair++) {
                int number = pair;
                writes.submit(() -> {
                    Thread.sleep(1);
                    written.add(number);
                });
            }
            writes.finish();
            assertThat(written).hasSize(20).isSorted();
        }
    }

    @Test
    void theFirstFailureStopsTheRestAndIsThrownAsItIs() throws Exception {
        List<Integer> written = new CopyOnWriteArrayList<>();
        IOException full = new IOException("flow/clip/y_00003.jpg: cannot write (file too large)");
        try (BackgroundWrites writes = new BackgroundWrites(Path.of("clip.mp4"))) {
            for (int pair = 1; pair <= 3; pair++) {
                int number = pair;
                writes.submit(() -> {
                    if (number == 3) {
                        throw full;
                    }
                    written.add(number);
                });
            }
            assertThatThrownBy(() -> {
                for (int pair = 4; pair <= 100; pair++) {
                    int number = pair;
                    writes.submit(() -> written.add(number));
                }
                writes.finish();
            }).isSameAs(full);
        }
        // One thread writes in order: every write after the failed one finds the failure and is skipped.
        assertThat(written).containsExactly(1, 2);
    }
}
