package io.action4j.spark;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The models an executor JVM has built, kept between tasks: a task borrows an idle model of its job
 * (or builds one) and gives it back when its partition is done, so an executor builds at most one
 * model per task slot running the job, however many partitions and videos pass through it. Models
 * are not thread-safe, so a borrowed one belongs to one task at a time. They are closed when the
 * executor's JVM ends.
 */
final class ExecutorModels {

    private static final Map<InferenceJob, Deque<AutoCloseable>> IDLE = new ConcurrentHashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(ExecutorModels::closeAll, "action4j-models-close"));
    }

    private ExecutorModels() {
    }

    /** A model borrowed for one task; {@link #close()} gives it back for the next task of the same job. */
    static final class Lease<M extends AutoCloseable> implements AutoCloseable {

        private final InferenceJob job;
        private M model;

        private Lease(InferenceJob job, M model) {
            this.job = job;
            this.model = model;
        }

        M model() {
            if (model == null) {
                throw new IllegalStateException("the model was given back");
            }
            return model;
        }

        @Override
        public void close() {
            if (model != null) {
                Deque<AutoCloseable> idle = IDLE.computeIfAbsent(job, key -> new ArrayDeque<>());
                synchronized (idle) {
                    idle.push(model);
                }
                model = null;
            }
        }
    }

    /** An idle model of {@code job}, or a new one from {@code build} when every model of it is in use. */
    @SuppressWarnings("unchecked")
    static <M extends AutoCloseable> Lease<M> borrow(InferenceJob job, Supplier<M> build) {
        Deque<AutoCloseable> idle = IDLE.computeIfAbsent(job, key -> new ArrayDeque<>());
        AutoCloseable model;
        synchronized (idle) {
            model = idle.poll();
        }
        return new Lease<>(job, model != null ? (M) model : build.get());
    }

    /** Closes the idle models (all of them, when no task runs). */
    static void closeAll() {
        for (Deque<AutoCloseable> idle : IDLE.values()) {
            synchronized (idle) {
                for (AutoCloseable model; (model = idle.poll()) != null; ) {
                    try {
                        model.close();
                    } catch (Exception ignored) {
                        // The JVM is ending; a model that fails to close frees nothing more by being reported.
                    }
                }
            }
        }
    }
}
