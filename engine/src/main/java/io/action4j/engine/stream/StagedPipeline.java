package io.action4j.engine.stream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Stages that run side by side, each on its own thread, joined by bounded queues: a slow stage fills
 * the queue before it and so holds back the stages upstream, instead of letting items pile up. What is
 * in flight at once is bounded by the queues' capacities, whatever the length of the input.
 *
 * <p>The first stage produces items; each further stage turns an item into none, one or several
 * (and may emit more when its input ends: a batch not yet full); the last consumes them. The first
 * failure of any stage stops every stage and is rethrown by {@link Builder#run()}. Build with
 * {@link #from}.
 *
 * <pre>{@code
 * PipelineReport report = StagedPipeline.from("decode", out -> frames.forEach(out))
 *         .then("detect", 4, (frame, out) -> out.accept(detector.boxes(frame)))
 *         .to("write", 4, boxes -> writer.write(boxes))
 *         .run();
 * }</pre>
 */
public final class StagedPipeline {

    /** The first stage: hands its items to {@code out} in order. */
    @FunctionalInterface
    public interface Source<O> {
        void run(Consumer<O> out) throws Exception;
    }

    /** A middle stage: turns each item into any number of items. */
    @FunctionalInterface
    public interface Step<I, O> {
        void accept(I item, Consumer<O> out) throws Exception;

        /** The input has ended: emit what is still held (a partial batch). */
        default void finish(Consumer<O> out) throws Exception {
        }
    }

    /** The last stage. */
    @FunctionalInterface
    public interface Sink<I> {
        void accept(I item) throws Exception;
    }

    /** What a stage did: items it took in, and seconds spent in its own work (not waiting on a queue). */
    public record StageReport(String name, long items, double busySeconds) {
    }

    /** A queue between two stages: its capacity, and how full it was, on average and at most, when read. */
    public record QueueReport(String into, int capacity, double meanOccupancy, int maxOccupancy) {
    }

    /** How a run went, stage by stage and queue by queue. */
    public record PipelineReport(List<StageReport> stages, List<QueueReport> queues, double wallSeconds) {

        public PipelineReport {
            stages = List.copyOf(stages);
            queues = List.copyOf(queues);
        }
    }

    private StagedPipeline() {
    }

    @SuppressWarnings("unchecked")
    public static <O> Builder<O> from(String name, Source<O> source) {
        Objects.requireNonNull(source, "source");
        List<StageSpec> stages = new ArrayList<>();
        stages.add(new StageSpec(name, 0, (input, out) -> source.run((Consumer<O>) (Consumer<?>) out), out -> { }));
        return new Builder<>(stages);
    }

    /** The stages so far, whose last emits items of type {@code T}. */
    public static final class Builder<T> {
        private final List<StageSpec> stages;

        private Builder(List<StageSpec> stages) {
            this.stages = stages;
        }

        /** A stage fed by a queue of {@code capacity} items. */
        @SuppressWarnings("unchecked")
        public <O> Builder<O> then(String name, int capacity, Step<? super T, O> step) {
            Objects.requireNonNull(step, "step");
            List<StageSpec> more = new ArrayList<>(stages);
            more.add(new StageSpec(name, positive(capacity),
                    (item, out) -> step.accept((T) item, (Consumer<O>) (Consumer<?>) out),
                    out -> step.finish((Consumer<O>) (Consumer<?>) out)));
            return new Builder<>(more);
        }

        /** The last stage, fed by a queue of {@code capacity} items; the pipeline is complete. */
        @SuppressWarnings("unchecked")
        public Complete to(String name, int capacity, Sink<? super T> sink) {
            Objects.requireNonNull(sink, "sink");
            List<StageSpec> all = new ArrayList<>(stages);
            all.add(new StageSpec(name, positive(capacity), (item, out) -> sink.accept((T) item), out -> { }));
            return new Complete(all);
        }
    }

    /** A complete pipeline, ready to run (once). */
    public static final class Complete {
        private final List<StageSpec> stages;

        private Complete(List<StageSpec> stages) {
            this.stages = List.copyOf(stages);
        }

        /**
         * Runs every stage to the end of the input and waits for them.
         *
         * @throws IOException the first stage failure, when it was one (a video that cannot be read)
         * @throws RuntimeException the first stage failure otherwise (checked ones other than I/O wrapped)
         */
        public PipelineReport run() throws IOException {
            return new Run(stages).execute();
        }
    }

    private static int positive(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a queue between stages needs room for at least one item, got "
                    + capacity);
        }
        return capacity;
    }

    private interface Work {
        void accept(Object item, Consumer<Object> out) throws Exception;
    }

    private interface Flush {
        void finish(Consumer<Object> out) throws Exception;
    }

    private record StageSpec(String name, int capacity, Work work, Flush flush) {
    }

    /** Marks the end of a stage's output in the queue after it. */
    private static final Object END = new Object();

    /** The threads, queues and counters of one run. */
    private static final class Run {
        private final List<StageSpec> stages;
        private final List<Monitored> queues = new ArrayList<>();
        private final long[] items;
        private final long[] busyNanos;
        private final AtomicReference<Throwable> failure = new AtomicReference<>();
        private final List<Thread> threads = new ArrayList<>();

        Run(List<StageSpec> stages) {
            this.stages = stages;
            this.items = new long[stages.size()];
            this.busyNanos = new long[stages.size()];
            for (int i = 1; i < stages.size(); i++) {
                queues.add(new Monitored(stages.get(i).capacity()));
            }
        }

        PipelineReport execute() throws IOException {
            long started = System.nanoTime();
            for (int i = 0; i < stages.size(); i++) {
                int index = i;
                Thread thread = new Thread(() -> runStage(index), "action4j-" + stages.get(i).name());
                thread.setDaemon(true);
                threads.add(thread);
            }
            threads.forEach(Thread::start);
            boolean interrupted = false;
            for (Thread thread : threads) {
                while (thread.isAlive()) {
                    try {
                        thread.join();
                    } catch (InterruptedException e) {
                        interrupted = true;
                        fail(e);
                    }
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            rethrow(failure.get());
            List<StageReport> stageReports = new ArrayList<>();
            for (int i = 0; i < stages.size(); i++) {
                stageReports.add(new StageReport(stages.get(i).name(), items[i], busyNanos[i] / 1e9));
            }
            List<QueueReport> queueReports = new ArrayList<>();
            for (int i = 0; i < queues.size(); i++) {
                queueReports.add(queues.get(i).report(stages.get(i + 1).name()));
            }
            return new PipelineReport(stageReports, queueReports, (System.nanoTime() - started) / 1e9);
        }

        private void runStage(int index) {
            StageSpec stage = stages.get(index);
            Monitored input = index == 0 ? null : queues.get(index - 1);
            Monitored output = index == queues.size() ? null : queues.get(index);
            Consumer<Object> out = item -> put(output, item);
            try {
                if (input == null) {
                    timed(index, () -> stage.work().accept(null, out));
                } else {
                    Object item;
                    while ((item = input.take()) != END) {
                        items[index]++;
                        Object taken = item;
                        timed(index, () -> stage.work().accept(taken, out));
                    }
                    timed(index, () -> stage.flush().finish(out));
                }
                if (output != null) {
                    output.queue.put(END);
                }
            } catch (Stopped e) {
                // another stage failed first
            } catch (InterruptedException e) {
                fail(e);
            } catch (Throwable e) {
                fail(e);
            }
        }

        private interface Timed {
            void run() throws Exception;
        }

        /** Runs {@code work}, counting its time as the stage's own, less the time blocked handing items on. */
        private void timed(int index, Timed work) throws Exception {
            long before = System.nanoTime();
            long blockedBefore = index < queues.size() ? queues.get(index).blockedNanos : 0;
            work.run();
            long blocked = (index < queues.size() ? queues.get(index).blockedNanos : 0) - blockedBefore;
            busyNanos[index] += System.nanoTime() - before - blocked;
        }

        private void put(Monitored output, Object item) {
            Objects.requireNonNull(item, "a stage emitted null");
            if (failure.get() != null) {
                throw new Stopped();
            }
            try {
                long before = System.nanoTime();
                output.queue.put(item);
                output.blockedNanos += System.nanoTime() - before;
            } catch (InterruptedException e) {
                throw new Stopped();
            }
        }

        private void fail(Throwable e) {
            if (failure.compareAndSet(null, e)) {
                threads.forEach(Thread::interrupt);
            }
        }

        private static void rethrow(Throwable failure) throws IOException {
            if (failure == null) {
                return;
            }
            if (failure instanceof IOException io) {
                throw io;
            }
            if (failure instanceof UncheckedIOException unchecked) {
                throw unchecked.getCause();
            }
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failure instanceof Error error) {
                throw error;
            }
            if (failure instanceof InterruptedException) {
                throw new IllegalStateException("the pipeline was interrupted", failure);
            }
            throw new IllegalStateException(failure.getMessage(), failure);
        }

        /** A bounded queue that records how full it is each time it is read. */
        private final class Monitored {
            final BlockingQueue<Object> queue;
            final int capacity;
            /** Time the stage before spent waiting for room: written by that stage's thread only. */
            volatile long blockedNanos;
            private long reads;
            private long occupancySum;
            private int maxOccupancy;

            Monitored(int capacity) {
                this.capacity = capacity;
                this.queue = new ArrayBlockingQueue<>(capacity);
            }

            Object take() throws InterruptedException {
                int size = queue.size();
                reads++;
                occupancySum += size;
                maxOccupancy = Math.max(maxOccupancy, size);
                return queue.take();
            }

            QueueReport report(String into) {
                return new QueueReport(into, capacity, reads == 0 ? 0 : (double) occupancySum / reads, maxOccupancy);
            }
        }
    }

    /** Thrown inside a stage whose output can no longer go anywhere: another stage failed. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }
}
