package dev.skillnet.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.skillnet.core.UserInputException;
import dev.skillnet.train.sampling.SamplingConfig;
import org.junit.jupiter.api.Test;

/** TrainConfig's builder: every value starts at the library's defaults for the start, opt* changes one. */
class TrainConfigBuilderTest {

    @Test
    void startsAtTheDefaultsOfTheStart() {
        TrainConfig c = TrainConfig.builder(TrainDefaults.FINE_TUNING).build();
        TrainDefaults d = TrainDefaults.FINE_TUNING;
        assertEquals(new TrainConfig(d.steps(), d.batchSize(), d.learningRate(), d.warmupFraction(), d.weightDecay(),
                d.clipNorm(), d.evalEvery(), TrainDefaults.LOG_EVERY, TrainDefaults.EVAL_BATCH_SIZE, TrainDefaults.SEED,
                d.sampling(), d.dropout(), 0, 0), c);
        assertEquals(16, c.batchSize());
        assertEquals(32, TrainConfig.builder(TrainDefaults.FROM_SCRATCH).build().batchSize());
        assertNull(c.dropout());
    }

    @Test
    void eachOptionChangesItsValueOnly() {
        TrainConfig c = TrainConfig.builder(TrainDefaults.FROM_SCRATCH).optSteps(7).optLearningRate(1e-3)
                .optSampling(SamplingConfig.uniform()).optDropout(0.0).optDevLimit(5).optFrozenLayers(1).build();
        assertEquals(7, c.steps());
        assertEquals(1e-3, c.learningRate());
        assertEquals(SamplingConfig.uniform(), c.sampling());
        assertEquals(0.0, c.dropout());
        assertEquals(5, c.devLimit());
        assertEquals(1, c.frozenLayers());
        assertEquals(TrainDefaults.FROM_SCRATCH.batchSize(), c.batchSize());
        assertEquals(TrainDefaults.FROM_SCRATCH.weightDecay(), c.weightDecay());
    }

    @Test
    void aValueThatCannotWorkNamesItsOption() {
        UserInputException e = assertThrows(UserInputException.class,
                () -> TrainConfig.builder(TrainDefaults.FINE_TUNING).optBatchSize(0).build());
        assertEquals("batch size must be positive, got 0", e.getMessage());
    }
}
