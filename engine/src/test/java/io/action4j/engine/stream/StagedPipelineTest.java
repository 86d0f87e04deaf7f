package io.action4j.engine.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class StagedPipelineTest {

    @Test
    void itemsPassEveryStageInOrderAndAPartialBatchIsFlushedAtTheEnd() throws Exception {
        List<List<Integer>> batches = new ArrayList<>();

        StagedPipeline.PipelineReport report = StagedPipeline.<Integer>from("count", out -> {
            for (int i = 0; i < 10; i++) {
                out.accept(i);
            }
        }).then("square", 2, (Integer i, Consumer<Integer> out) -> out.accept(i * i))
                .then("batch", 2, new StagedPipeline.Step<Integer, List<Integer>>() {
                    private final List<Integer> batch = new ArrayList<>();

                    @Override
                    public void accept(Integer item, Consumer<List<Integer>> out) {
                        batch.add(item);
                        if (batch.size() == 4) {
                            finish(out);
                        }
                    }

                    @Override
                    public void finish(Consumer<List<Integer>> out) {
                        if (!batch.isEmpty()) {
                            out.accept(List.copyOf(batch));
                            batch.clear();
                        }
                    }
                }).to("collect", 1, batches::add).run();

        assertThat(batches).containsExactly(List.of(0, 1, 4, 9), List.of(16, 25, 36, 49), List.of(64, 81));
        assertThat(report.stages()).extracting(StagedPipeline.StageReport::name)
                .containsExactly("count", "square", "batch", "collect");
        assertThat(report.stages()).extracting(StagedPipeline.StageReport::items).containsExactly(0L, 10L, 10L, 3L);
        assertThat(report.queues()).extracting(StagedPipeline.QueueReport::capacity).containsExactly(2, 2, 1);
        assertThat(report.queues()).allSatisfy(queue -> assertThat(queue.maxOccupancy()).isLessThanOrEqualTo(2));
    }

    @Test
    void aSlowStageHoldsBackTheStagesBeforeIt() throws Exception {
        AtomicInteger produced = new AtomicInteger();
        AtomicInteger consumed = new AtomicInteger();
        AtomicInteger mostAhead = new AtomicInteger();

        StagedPipeline.<Integer>from("fast", out -> {
            for (int i = 0; i < 200; i++) {
                out.accept(i);
                produced.incrementAndGet();
                mostAhead.accumulateAndGet(produced.get() - consumed.get(), Math::max);
            }
        }).then("relay", 3, (Integer i, Consumer<Integer> out) -> out.accept(i))
                .to("slow", 3, item -> {
                    Thread.sleep(1);
                    consumed.incrementAndGet();
                }).run();

        // Two queues of 3, one item in each stage's hands: the producer is never further ahead.
        assertThat(consumed.get()).isEqualTo(200);
        assertThat(mostAhead.get()).isLessThanOrEqualTo(3 + 3 + 2);
    }

    @Test
    void theFirstFailureStopsEveryStageAndIsRethrownAsItWas() {
        AtomicInteger produced = new AtomicInteger();

        assertThatThrownBy(() -> StagedPipeline.<Integer>from("endless", out -> {
            while (true) {
                out.accept(produced.incrementAndGet());
            }
        }).then("fails", 2, (Integer i, Consumer<Integer> out) -> {
            if (i == 5) {
                throw new IOException("broken.mp4: cannot decode frame 5");
            }
            out.accept(i);
        }).to("sink", 2, item -> { }).run())
                .isInstanceOf(IOException.class).hasMessage("broken.mp4: cannot decode frame 5");
        assertThat(produced.get()).isLessThan(100);
    }

    @Test
    void aQueueNeedsRoom() {
        assertThatThrownBy(() -> StagedPipeline.<Integer>from("a", out -> { }).to("b", 0, item -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one item");
    }
}
