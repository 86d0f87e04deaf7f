package io.action4j.engine.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.action4j.api.ConfigValueException;
import io.action4j.engine.training.ParamSchedulerConfig.CosineAnnealingLR;
import io.action4j.engine.training.ParamSchedulerConfig.LinearLR;
import io.action4j.engine.training.ParamSchedulerConfig.MultiStepLR;
import io.action4j.engine.training.ParamSchedulerConfig.StepLR;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LrScheduleTest {

    static Stream<String> cases() {
        return TrainingFixtures.names("schedules").stream();
    }

    /** torch.optim.lr_scheduler stepped as mmengine's ParamSchedulerHook steps (see the fixture script). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyIterationMatchesPyTorchSchedulers(String name) {
        JsonNode fixture = TrainingFixtures.find("schedules", name);
        LrSchedule schedule = new LrSchedule(TrainingFixtures.schedulers(fixture.get("paramScheduler")),
                fixture.get("baseLr").asDouble(), fixture.get("itersPerEpoch").asInt(), fixture.get("maxEpochs").asInt());

        JsonNode lrs = fixture.get("lrs");
        assertThat(schedule.maxIterations()).isEqualTo(lrs.size());
        for (int i = 0; i < lrs.size(); i++) {
            double expected = lrs.get(i).asDouble();
            assertThat(schedule.lr(i)).as(name + " iteration " + i).isCloseTo(expected, within(1e-12 + 1e-9 * expected));
        }
    }

    @Test
    void mmaction2WarmupThenCosineAtItsTurningPoints() {
        // L = 4 iterations per epoch. Warmup: LinearLR converted to iterations, begin 0, end 5 * 4 = 20,
        // total_iters = 19: factor 0.1 + 0.9 * i / 19 at iteration i < 20 (the chainable form telescopes).
        // Cosine: epochs 5..49, T_max 45, from lr(5) = 0.01: at epoch e, 0.01 * (1 + cos(pi * (e - 5) / 45)) / 2.
        LrSchedule schedule = new LrSchedule(List.of(
                new LinearLR(0.1, null, 0, 5, true, true),
                new CosineAnnealingLR(45, 0.0, 5, 50, true, null)), 0.01, 4, 50);

        assertThat(schedule.lr(0)).isCloseTo(0.001, within(1e-15));
        assertThat(schedule.lr(10)).isCloseTo(0.01 * (0.1 + 0.9 * 10 / 19), within(1e-15));
        assertThat(schedule.lr(19)).isCloseTo(0.01, within(1e-15));
        assertThat(schedule.lr(20)).isCloseTo(0.01, within(1e-15));
        assertThat(schedule.lrAtEpochStart(6)).isCloseTo(0.01 * (1 + Math.cos(Math.PI / 45)) / 2, within(1e-15));
        // Within an epoch an epoch-based scheduler holds the lr.
        assertThat(schedule.lr(6 * 4 + 3)).isEqualTo(schedule.lrAtEpochStart(6));
        assertThat(schedule.lrAtEpochStart(49)).isCloseTo(0.01 * (1 + Math.cos(Math.PI * 44 / 45)) / 2, within(1e-15));
    }

    @Test
    void milestonesCountFromBegin() {
        // mmengine: MultiStepLR's milestones are compared with its own step count, which starts at begin.
        // begin 3, milestones [2]: the lr drops at epoch 3 + 2 = 5, not 2.
        LrSchedule schedule = new LrSchedule(List.of(new MultiStepLR(List.of(2), 0.5, 3, null, true, null)), 1.0, 1, 8);

        assertThat(List.of(schedule.lr(0), schedule.lr(2), schedule.lr(4), schedule.lr(5), schedule.lr(7)))
                .containsExactly(1.0, 1.0, 1.0, 0.5, 0.5);
    }

    @Test
    void repeatedMilestoneAppliesGammaTwice() {
        LrSchedule schedule = new LrSchedule(List.of(new MultiStepLR(List.of(1, 1), 0.1, null, null, null, null)),
                1.0, 1, 3);

        assertThat(schedule.lr(1)).isCloseTo(0.01, within(1e-15));
    }

    @Test
    void convertedMilestonesAndStepSizeAreInIterations() {
        // 2 iterations per epoch. MultiStepLR milestones [1] -> iteration 2; StepLR stepSize 2 -> every 4
        // iterations (4, 8, ...), both now stepping after every iteration. 1.0 -> 0.1 at 2, x0.5 at 4.
        LrSchedule schedule = new LrSchedule(List.of(
                new MultiStepLR(List.of(1), 0.1, null, null, true, true),
                new StepLR(2, 0.5, null, null, true, true)), 1.0, 2, 3);

        assertThat(schedule.lr(1)).isEqualTo(1.0);
        assertThat(schedule.lr(2)).isCloseTo(0.1, within(1e-15));
        assertThat(schedule.lr(3)).isCloseTo(0.1, within(1e-15));
        assertThat(schedule.lr(4)).isCloseTo(0.05, within(1e-15));
    }

    @Test
    void iterationBasedSchedulerCountsIterationsAndDefaultsToTheLastIteration() {
        // byEpoch false, no end: end = max iterations = 3 * 2 = 6, total_iters = 5:
        // factor 0.5 + 0.5 * i / 5.
        LrSchedule schedule = new LrSchedule(List.of(new LinearLR(0.5, 1.0, null, null, false, null)), 2.0, 2, 3);

        for (int i = 0; i < 6; i++) {
            assertThat(schedule.lr(i)).as("iteration " + i).isCloseTo(2.0 * (0.5 + 0.5 * i / 5), within(1e-14));
        }
    }

    @Test
    void cosineWithoutTMaxSpansBeginToEndAndStopsThere() {
        // begin 2, end 6, no tMax: T_max = 4; active epochs 2..5 with own steps 0..3, after 6 the lr stays.
        LrSchedule schedule = new LrSchedule(List.of(new CosineAnnealingLR(null, 0.0, 2, 6, null, null)), 1.0, 1, 9);

        assertThat(schedule.lr(2)).isEqualTo(1.0);
        assertThat(schedule.lr(4)).isCloseTo(0.5, within(1e-15));
        double last = (1 + Math.cos(Math.PI * 3 / 4)) / 2;
        assertThat(schedule.lr(5)).isCloseTo(last, within(1e-15));
        assertThat(schedule.lr(8)).isCloseTo(last, within(1e-15));
    }

    @Test
    void askingForAnEarlierIterationRecomputes() {
        LrSchedule schedule = new LrSchedule(List.of(new StepLR(1, 0.5, null, null, null, null)), 1.0, 3, 4);

        double late = schedule.lr(11);
        assertThat(schedule.lr(0)).isEqualTo(1.0);
        assertThat(schedule.lr(11)).isEqualTo(late).isEqualTo(0.125);
    }

    @Test
    void noSchedulersKeepTheBaseLr() {
        LrSchedule schedule = new LrSchedule(List.of(), 0.1, 2, 2);

        assertThat(schedule.lr(3)).isEqualTo(0.1);
    }

    @Test
    void schedulerBeginningAfterTrainingEndsIsAnErrorNamingIt() {
        assertThatThrownBy(() -> new LrSchedule(List.of(new StepLR(1, null, null, null, null, null),
                new CosineAnnealingLR(null, null, 12, null, null, null)), 0.1, 2, 10))
                .isInstanceOf(ConfigValueException.class)
                .hasMessage("paramScheduler[1].end: must be greater than begin (12), got 10 (the end of training)");
    }

    @Test
    void iterationOutsideTrainingIsRejected() {
        LrSchedule schedule = new LrSchedule(List.of(), 0.1, 2, 2);

        assertThatThrownBy(() -> schedule.lr(4)).isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("0..3");
    }
}
