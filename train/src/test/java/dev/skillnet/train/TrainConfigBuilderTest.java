package dev.skillnet.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skillnet.core.UserInputException;
import dev.skillnet.train.sampling.SamplingConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** TrainConfig's builder: every value starts at the library's defaults for the start, opt* changes one. */
class TrainConfigBuilderTest {

    @Test
    void startsAtTheDefaultsOfTheStart() {
        TrainConfig c = TrainConfig.builder(TrainDefaults.FINE_TUNING).build();
        TrainDefaults d = TrainDefaults.FINE_TUNING;
        assertEquals(new TrainConfig(d.steps(), d.batchSize(), d.learningRate(), d.warmupFraction(), d.weightDecay(),
                d.clipNorm(), d.evalEvery(), TrainDefaults.LOG_EVERY, TrainDefaults.EVAL_BATCH_SIZE, TrainDefaults.SEED,
                d.sampling(), d.dropout(), 0, 0, 10 * d.learningRate(), false, true), c);
        assertEquals(16, c.batchSize());
        assertEquals(32, TrainConfig.builder(TrainDefaults.FROM_SCRATCH).build().batchSize());
        assertNull(c.dropout());
        assertNull(TrainConfig.builder(TrainDefaults.FROM_SCRATCH).build().headLearningRate(), "heads learn at --lr");
        assertEquals(7e-4, TrainConfig.builder(TrainDefaults.FINE_TUNING).optLearningRate(7e-5).build()
                .headLearningRate(), 1e-15, "ten times the learning rate set, whichever order the options come in");
    }

    @Test
    void eachOptionChangesItsValueOnly() {
        TrainConfig c = TrainConfig.builder(TrainDefaults.FROM_SCRATCH).optSteps(7).optLearningRate(1e-3)
                .optSampling(SamplingConfig.uniform()).optDropout(0.0).optDevLimit(5).optFrozenLayers(1)
                .optLabelPrior(true).build();
        assertEquals(7, c.steps());
        assertEquals(1e-3, c.learningRate());
        assertEquals(SamplingConfig.uniform(), c.sampling());
        assertEquals(0.0, c.dropout());
        assertEquals(5, c.devLimit());
        assertEquals(1, c.frozenLayers());
        assertTrue(c.labelPrior());
        assertFalse(TrainConfig.builder(TrainDefaults.FROM_SCRATCH).build().labelPrior(), "from scratch: biases at 0");
        assertEquals(TrainDefaults.FROM_SCRATCH.batchSize(), c.batchSize());
        assertEquals(TrainDefaults.FROM_SCRATCH.weightDecay(), c.weightDecay());
        assertNull(c.headLearningRate());
    }

    @Test
    void theHeadsFollowTheEncodersScheduleFromTheirOwnPeak() {
        TrainConfig c = TrainConfig.builder(TrainDefaults.FINE_TUNING).optSteps(10).optWarmupFraction(0.2)
                .optLearningRate(1e-4).optHeadLearningRate(2e-3).build();
        // warm-up over steps 1-2, then linear decay: 8/8 at step 3 down to 1/8 at step 10
        for (int step = 1; step <= 10; step++) {
            double schedule = step <= 2 ? step / 2.0 : (11.0 - step) / 8.0;
            assertEquals(1e-4 * schedule, c.learningRateAt("bert.encoder.layer.0.output.dense.weight", step), 1e-12);
            assertEquals(1e-4 * schedule, c.learningRateAt("bert.pooler.dense.weight", step), 1e-12);
            assertEquals(2e-3 * schedule, c.learningRateAt("heads.tnews.classifier.weight", step), 1e-12);
        }
        TrainConfig same = TrainConfig.builder(TrainDefaults.FROM_SCRATCH).optLearningRate(1e-4).build();
        assertEquals(same.learningRateAt(5), same.learningRateAt("heads.tnews.classifier.weight", 5));
        assertEquals(2e-3, c.withSteps(20).withSeed(3).headLearningRate());
    }

    @Test
    void aValueThatCannotWorkNamesItsOption() {
        UserInputException e = assertThrows(UserInputException.class,
                () -> TrainConfig.builder(TrainDefaults.FINE_TUNING).optBatchSize(0).build());
        assertEquals("batch size must be positive, got 0", e.getMessage());
        UserInputException head = assertThrows(UserInputException.class,
                () -> TrainConfig.builder(TrainDefaults.FINE_TUNING).optHeadLearningRate(0.0).build());
        assertEquals("head learning rate must be in (0, 1), got 0.0", head.getMessage());
        UserInputException derived = assertThrows(UserInputException.class,
                () -> TrainConfig.builder(TrainDefaults.FINE_TUNING).optLearningRate(0.2).build());
        assertEquals("the heads' default learning rate, 10.0 x the learning rate 0.2, is 2.0; it must be below 1: "
                + "give the heads their own", derived.getMessage());
        assertEquals(0.5, TrainConfig.builder(TrainDefaults.FINE_TUNING).optLearningRate(0.2).optHeadLearningRate(0.5)
                .build().headLearningRate());
        UserInputException lr = assertThrows(UserInputException.class,
                () -> TrainConfig.builder(TrainDefaults.FINE_TUNING).optLearningRate(1.5).build());
        assertEquals("learning rate must be in (0, 1), got 1.5", lr.getMessage());
    }

    @Test
    void taskWeightsApplyToWhicheverSamplingIsChosen() {
        TrainConfig c = TrainConfig.builder(TrainDefaults.FINE_TUNING).optTaskWeights(Map.of("msra_ner", 3.0))
                .optSampling(SamplingConfig.temperature(3)).build();
        assertEquals(SamplingConfig.temperature(3).withTaskWeights(Map.of("msra_ner", 3.0)), c.sampling());
        assertEquals(TrainDefaults.FINE_TUNING.sampling().withTaskWeights(Map.of("msra_ner", 3.0)),
                TrainConfig.builder(TrainDefaults.FINE_TUNING).optTaskWeights(Map.of("msra_ner", 3.0)).build()
                        .sampling());
        assertEquals(TrainDefaults.FINE_TUNING.sampling(),
                TrainConfig.builder(TrainDefaults.FINE_TUNING).build().sampling());
        assertThrows(UserInputException.class,
                () -> TrainConfig.builder(TrainDefaults.FINE_TUNING).optTaskWeights(Map.of("afqmc", -1.0)).build());
    }
}
