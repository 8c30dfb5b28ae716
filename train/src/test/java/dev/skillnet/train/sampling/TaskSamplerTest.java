package dev.skillnet.train.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skillnet.core.UserInputException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskSamplerTest {

    /** The training-set sizes of four of the default datasets. */
    private static final List<String> NAMES = List.of("chnsenticorp", "afqmc", "ocnli", "tnews");
    private static final long[] SIZES = {9600, 34334, 10000, 53360};
    private static final int DRAWS = 20_000;
    private static final long SEED = 20240601L;

    private static TaskSampler sampler(SamplingConfig config, long seed) {
        return new TaskSampler(NAMES, SIZES, config, seed);
    }

    private static int[] draw(TaskSampler sampler, int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = sampler.next();
        }
        return out;
    }

    private static void assertFitsItsProbabilities(SamplingConfig config) {
        TaskSampler sampler = sampler(config, SEED);
        draw(sampler, DRAWS);
        long[] counts = sampler.counts();
        assertEquals(DRAWS, Arrays.stream(counts).sum());
        double statistic = ChiSquare.statistic(counts, sampler.probabilities());
        int df = NAMES.size() - 1;
        double critical = ChiSquare.quantile(df, 0.999);
        assertTrue(statistic < critical, config + ": chi-square " + statistic + " >= " + critical
                + " (df " + df + "), counts " + Arrays.toString(counts));
    }

    @Test
    void proportionalDrawsFitTheirProbabilities() {
        assertFitsItsProbabilities(SamplingConfig.proportional());
    }

    @Test
    void temperatureDrawsFitTheirProbabilities() {
        assertFitsItsProbabilities(SamplingConfig.temperature(2));
    }

    @Test
    void theSameSeedGivesTheSameSequence() {
        assertArrayEquals(draw(sampler(SamplingConfig.proportional(), 7), 1000),
                draw(sampler(SamplingConfig.proportional(), 7), 1000));
    }

    @Test
    void aDifferentSeedGivesADifferentSequence() {
        assertTrue(!Arrays.equals(draw(sampler(SamplingConfig.proportional(), 7), 100),
                draw(sampler(SamplingConfig.proportional(), 8), 100)));
    }

    @Test
    void restoringAStoredStateReproducesTheRest() {
        TaskSampler original = sampler(SamplingConfig.temperature(2), SEED);
        draw(original, 500);
        long state = original.state();
        long[] counts = original.counts();
        int[] rest = draw(original, 500);

        TaskSampler resumed = sampler(SamplingConfig.temperature(2), 999);
        resumed.restore(state, counts);
        assertArrayEquals(rest, draw(resumed, 500));
        assertArrayEquals(original.counts(), resumed.counts());
        assertEquals(original.state(), resumed.state());
    }

    @Test
    void restoringOnlyTheStateKeepsTheCounts() {
        TaskSampler sampler = sampler(SamplingConfig.proportional(), 1);
        long start = sampler.state();
        int[] first = draw(sampler, 10);
        sampler.restore(start);
        assertArrayEquals(first, draw(sampler, 10));
        assertEquals(20, Arrays.stream(sampler.counts()).sum());
    }

    @Test
    void aTaskWithoutExamplesIsNeverDrawn() {
        TaskSampler sampler = new TaskSampler(List.of("empty", "a", "b", "also_empty"),
                new long[] {0, 3, 1, 0}, SamplingConfig.uniform(), 3);
        assertArrayEquals(new double[] {0, 0.5, 0.5, 0}, sampler.probabilities(), 1e-12);
        draw(sampler, 5000);
        long[] counts = sampler.counts();
        assertEquals(0, counts[0]);
        assertEquals(0, counts[3]);
        assertEquals(5000, counts[1] + counts[2]);
    }

    @Test
    void allZeroSizesAreRejected() {
        assertThrows(UserInputException.class, () -> new TaskSampler(List.of("a", "b"),
                new long[] {0, 0}, SamplingConfig.proportional(), 1));
    }

    @Test
    void namesMustMatchSizesAndBeUnique() {
        assertThrows(IllegalArgumentException.class, () -> new TaskSampler(List.of("a"),
                new long[] {1, 2}, SamplingConfig.proportional(), 1));
        assertThrows(IllegalArgumentException.class, () -> new TaskSampler(List.of("a", "a"),
                new long[] {1, 2}, SamplingConfig.proportional(), 1));
    }

    @Test
    void theSummaryListsCountsAndProbabilities() {
        TaskSampler sampler = new TaskSampler(List.of("chnsenticorp", "afqmc"), new long[] {1, 3},
                SamplingConfig.proportional(), 5);
        draw(sampler, 8);
        long[] c = sampler.counts();
        assertEquals("chnsenticorp " + c[0] + " (p=0.25), afqmc " + c[1] + " (p=0.75)", sampler.summary());
    }

    @Test
    void returnedArraysAreCopies() {
        TaskSampler sampler = sampler(SamplingConfig.proportional(), 1);
        sampler.probabilities()[0] = 99;
        sampler.counts()[0] = 99;
        assertTrue(sampler.probabilities()[0] < 1);
        assertEquals(0, sampler.counts()[0]);
    }
}
