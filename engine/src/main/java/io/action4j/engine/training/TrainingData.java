package io.action4j.engine.training;

import java.io.IOException;
import java.util.Iterator;

/** A task's training set, batch by batch, shuffled per epoch from a seed. */
public interface TrainingData extends AutoCloseable {

    /** Full batches in an epoch (a last partial batch is dropped, as MMAction2's training loaders do). */
    int batchesPerEpoch(int batchSize);

    Iterator<TrainingBatch> epoch(long seed, int epoch, int batchSize);

    @Override
    void close() throws IOException;
}
