package io.action4j.engine.training;

import io.action4j.api.ConfigValueException;
import io.action4j.engine.training.ParamSchedulerConfig.CosineAnnealingLR;
import io.action4j.engine.training.ParamSchedulerConfig.LinearLR;
import io.action4j.engine.training.ParamSchedulerConfig.MultiStepLR;
import io.action4j.engine.training.ParamSchedulerConfig.StepLR;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The learning rate of every training iteration under a list of mmengine parameter schedulers,
 * computed the way mmengine's runner applies them:
 * <ul>
 *   <li>schedulers are built in list order, and building one already takes its first step
 *       (step 0), so a warmup's start factor applies to the very first iteration;</li>
 *   <li>after every iteration the iteration-based schedulers step, in list order; after the last
 *       iteration of an epoch the epoch-based ones step too, after those;</li>
 *   <li>a scheduler acts only on steps {@code begin <= step < end} and counts its own steps from
 *       {@code begin}; an absent {@code end} is the end of training (max epochs, or max
 *       iterations when counting iterations); {@code convertToIterBased} multiplies begin, end,
 *       milestones, step size and {@code tMax} by the iterations per epoch (as mmengine's
 *       {@code build_iter_from_epoch});</li>
 *   <li>each scheduler multiplies the current lr in its chainable form ({@code _get_value}), so
 *       active schedulers compose in the order they step.</li>
 * </ul>
 * Only the lr is scheduled, and every parameter shares it. Iterations are asked for in any order
 * (resuming asks for the iteration it resumes at); going forward costs one step per iteration.
 */
public final class LrSchedule {

    private final List<ParamSchedulerConfig> configs;
    private final double baseLr;
    private final int itersPerEpoch;
    private final int maxEpochs;

    private List<Scheduler> schedulers;
    private long position;
    private double lr;

    /**
     * @param baseLr the optimizer's lr (mmengine's {@code initial_lr})
     * @throws ConfigValueException naming {@code paramScheduler[i].key} when a scheduler does not fit
     *     this training length (e.g. begin at or after its end)
     */
    public LrSchedule(List<ParamSchedulerConfig> schedulers, double baseLr, int itersPerEpoch, int maxEpochs) {
        if (itersPerEpoch <= 0 || maxEpochs <= 0) {
            throw new IllegalArgumentException("itersPerEpoch and maxEpochs must be positive, got "
                    + itersPerEpoch + " and " + maxEpochs);
        }
        this.configs = List.copyOf(schedulers);
        this.baseLr = OptimizerConfig.nonNegative("lr", baseLr);
        this.itersPerEpoch = itersPerEpoch;
        this.maxEpochs = maxEpochs;
        restart();
    }

    public long maxIterations() {
        return (long) itersPerEpoch * maxEpochs;
    }

    /** The lr training iteration {@code iteration} (0-based, counted over all epochs) uses. */
    public double lr(long iteration) {
        if (iteration < 0 || iteration >= maxIterations()) {
            throw new IndexOutOfBoundsException("iteration " + iteration + " is outside training's 0.."
                    + (maxIterations() - 1));
        }
        if (iteration < position) {
            restart();
        }
        while (position < iteration) {
            for (Scheduler scheduler : schedulers) {
                if (!scheduler.byEpoch) {
                    lr = scheduler.step(lr);
                }
            }
            if ((position + 1) % itersPerEpoch == 0) {
                for (Scheduler scheduler : schedulers) {
                    if (scheduler.byEpoch) {
                        lr = scheduler.step(lr);
                    }
                }
            }
            position++;
        }
        return lr;
    }

    /** The lr of the first iteration of {@code epoch} (0-based): what an epoch-based log shows. */
    public double lrAtEpochStart(int epoch) {
        return lr((long) epoch * itersPerEpoch);
    }

    private void restart() {
        schedulers = new ArrayList<>();
        lr = baseLr;
        for (int i = 0; i < configs.size(); i++) {
            Scheduler scheduler = resolve(configs.get(i), "paramScheduler[" + i + "].");
            schedulers.add(scheduler);
            lr = scheduler.step(lr);
        }
        position = 0;
    }

    private Scheduler resolve(ParamSchedulerConfig config, String keyPrefix) {
        boolean toIterations = config.convertToIterBased();
        long scale = toIterations ? itersPerEpoch : 1;
        boolean byEpoch = config.byEpoch() && !toIterations;
        long begin = config.begin() * scale;
        long end = config.end() != null ? config.end() * scale
                : config.byEpoch() ? maxEpochs * scale : maxIterations();
        if (end <= begin) {
            throw new ConfigValueException(keyPrefix + "end", "must be greater than begin (" + begin
                    + "), got " + end + (config.end() == null ? " (the end of training)" : ""));
        }
        if (config instanceof LinearLR linear) {
            return new Linear(byEpoch, begin, end, linear.startFactor(), linear.endFactor());
        } else if (config instanceof MultiStepLR multiStep) {
            Map<Long, Integer> milestones = new HashMap<>();
            multiStep.milestones().forEach(m -> milestones.merge(m * scale, 1, Integer::sum));
            return new MultiStep(byEpoch, begin, end, milestones, multiStep.gamma());
        } else if (config instanceof StepLR step) {
            return new Step(byEpoch, begin, end, step.stepSize() * scale, step.gamma());
        } else if (config instanceof CosineAnnealingLR cosine) {
            long tMax = cosine.tMax() != null ? cosine.tMax() * scale : end - begin;
            return new Cosine(byEpoch, begin, end, tMax, cosine.etaMin(), baseLr);
        }
        throw new IllegalArgumentException("no schedule for " + config.type());
    }

    /** mmengine's {@code _ParamScheduler}: a step counter over the active range and a chainable value. */
    private abstract static class Scheduler {
        final boolean byEpoch;
        final long begin;
        final long end;
        long globalStep = -1;
        long lastStep = -1;

        Scheduler(boolean byEpoch, long begin, long end) {
            this.byEpoch = byEpoch;
            this.begin = begin;
            this.end = end;
        }

        double step(double lr) {
            globalStep++;
            if (begin <= globalStep && globalStep < end) {
                lastStep++;
                return value(lr);
            }
            return lr;
        }

        /** The new lr from the current one, at {@link #lastStep}. */
        abstract double value(double lr);
    }

    private static final class Linear extends Scheduler {
        private final double startFactor;
        private final double endFactor;
        private final long totalIters;

        Linear(boolean byEpoch, long begin, long end, double startFactor, double endFactor) {
            super(byEpoch, begin, end);
            this.startFactor = startFactor;
            this.endFactor = endFactor;
            this.totalIters = end - begin - 1;
        }

        @Override
        double value(double lr) {
            if (lastStep == 0) {
                return lr * startFactor;
            }
            return lr * (1.0 + (endFactor - startFactor)
                    / (totalIters * startFactor + (lastStep - 1) * (endFactor - startFactor)));
        }
    }

    private static final class MultiStep extends Scheduler {
        private final Map<Long, Integer> milestones;
        private final double gamma;

        MultiStep(boolean byEpoch, long begin, long end, Map<Long, Integer> milestones, double gamma) {
            super(byEpoch, begin, end);
            this.milestones = milestones;
            this.gamma = gamma;
        }

        @Override
        double value(double lr) {
            Integer times = milestones.get(lastStep);
            return times == null ? lr : lr * Math.pow(gamma, times);
        }
    }

    private static final class Step extends Scheduler {
        private final long stepSize;
        private final double gamma;

        Step(boolean byEpoch, long begin, long end, long stepSize, double gamma) {
            super(byEpoch, begin, end);
            this.stepSize = stepSize;
            this.gamma = gamma;
        }

        @Override
        double value(double lr) {
            return lastStep == 0 || lastStep % stepSize != 0 ? lr : lr * gamma;
        }
    }

    private static final class Cosine extends Scheduler {
        private final long tMax;
        private final double etaMin;
        private final double baseLr;

        Cosine(boolean byEpoch, long begin, long end, long tMax, double etaMin, double baseLr) {
            super(byEpoch, begin, end);
            this.tMax = tMax;
            this.etaMin = etaMin;
            this.baseLr = baseLr;
        }

        @Override
        double value(double lr) {
            if (lastStep == 0) {
                return lr;
            }
            if ((lastStep - 1 - tMax) % (2 * tMax) == 0) {
                // Past the bottom the chainable ratio divides by zero; mmengine climbs back by one step.
                return lr + (baseLr - etaMin) * (1 - Math.cos(Math.PI / tMax)) / 2;
            }
            return (1 + Math.cos(Math.PI * lastStep / tMax)) / (1 + Math.cos(Math.PI * (lastStep - 1) / tMax))
                    * (lr - etaMin) + etaMin;
        }
    }
}
