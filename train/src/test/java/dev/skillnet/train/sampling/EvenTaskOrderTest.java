package dev.skillnet.train.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skillnet.core.UserInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link TaskOrder#EVEN}: each task's batches spread through the run at its share. */
class EvenTaskOrderTest {

    /** The demo's six tasks and the sizes of their training samples. */
    private static final List<String> NAMES = List.of("afqmc", "chnsenticorp", "cmrc2018", "msra_ner", "ocnli",
            "tnews");
    private static final long[] SIZES = {4500, 2000, 404, 1800, 4491, 2700};
    private static final SamplingConfig EVEN = SamplingConfig.temperature(2).withOrder(TaskOrder.EVEN);

    private static int[] draw(TaskSampler sampler, int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = sampler.next();
        }
        return out;
    }

    @Test
    void afterEveryBatchEachTaskIsFewerThanTwoBatchesFromItsShare() {
        Random random = new Random(5);
        for (int trial = 0; trial < 200; trial++) {
            int n = 2 + random.nextInt(7);
            List<String> names = new ArrayList<>();
            long[] sizes = new long[n];
            for (int i = 0; i < n; i++) {
                names.add("task" + i);
                sizes[i] = 1 + random.nextInt(50_000);
            }
            SamplingConfig config = SamplingConfig.temperature(1 + 2 * random.nextDouble()).withTaskWeights(
                    Map.of("task0", 0.1 + 3 * random.nextDouble())).withOrder(TaskOrder.EVEN);
            TaskSampler sampler = new TaskSampler(names, sizes, config, random.nextLong());
            double[] p = sampler.probabilities();
            for (int t = 1; t <= 1000; t++) {
                sampler.next();
                long[] counts = sampler.counts();
                for (int i = 0; i < n; i++) {
                    double off = Math.abs(counts[i] - p[i] * t);
                    assertTrue(off < 2, "trial " + trial + ", batch " + t + ": " + names.get(i) + " has " + counts[i]
                            + " batches, its share is " + p[i] * t);
                }
            }
        }
    }

    @Test
    void theDemosShortRunGetsItsSharesWhereRandomDrawsStray() {
        TaskSampler evenSampler = new TaskSampler(NAMES, SIZES, EVEN, 13);
        draw(evenSampler, 340);
        long[] even = evenSampler.counts();
        double[] p = evenSampler.probabilities();
        long spread = 0;
        for (long seed = 1; seed <= 20; seed++) {
            TaskSampler random = new TaskSampler(NAMES, SIZES, SamplingConfig.temperature(2), seed);
            draw(random, 340);
            spread = Math.max(spread, Math.abs(random.counts()[2] - Math.round(p[2] * 340)));
        }
        assertEquals(Math.round(p[2] * 340), even[2], 1.0, "cmrc2018's batches in even order");
        assertTrue(spread >= 5, "random draws put cmrc2018 at most " + spread + " batches from its share");
    }

    @Test
    void theOrderInterleavesTheTasks() {
        TaskSampler sampler = new TaskSampler(NAMES, SIZES, EVEN, 13);
        int[] order = draw(sampler, 340);
        int longestRun = 1;
        int run = 1;
        for (int t = 1; t < order.length; t++) {
            run = order[t] == order[t - 1] ? run + 1 : 1;
            longestRun = Math.max(longestRun, run);
        }
        // the largest share is about 0.23, so no task should come twice running more than once in a while
        assertTrue(longestRun <= 2, "a task came " + longestRun + " times running: " + Arrays.toString(order));
    }

    @Test
    void theSameSeedGivesTheSameOrderAndAnotherSeedAnother() {
        assertArrayEquals(draw(new TaskSampler(NAMES, SIZES, EVEN, 7), 500),
                draw(new TaskSampler(NAMES, SIZES, EVEN, 7), 500));
        assertFalse(Arrays.equals(draw(new TaskSampler(NAMES, SIZES, EVEN, 7), 100),
                draw(new TaskSampler(NAMES, SIZES, EVEN, 8), 100)));
    }

    @Test
    void restoringAStoredStateAndCountsContinuesTheOrder() {
        TaskSampler original = new TaskSampler(NAMES, SIZES, EVEN, 21);
        draw(original, 137);
        long state = original.state();
        long[] counts = original.counts();
        int[] rest = draw(original, 300);

        TaskSampler resumed = new TaskSampler(NAMES, SIZES, EVEN, 999);
        resumed.restore(state, counts);
        assertArrayEquals(rest, draw(resumed, 300));
        assertArrayEquals(original.counts(), resumed.counts());
    }

    @Test
    void aTaskWithoutExamplesIsNeverDrawn() {
        TaskSampler sampler = new TaskSampler(List.of("empty", "a", "b", "also_empty"), new long[] {0, 3, 1, 0},
                SamplingConfig.uniform().withOrder(TaskOrder.EVEN), 3);
        draw(sampler, 1001);
        long[] counts = sampler.counts();
        assertEquals(0, counts[0]);
        assertEquals(0, counts[3]);
        assertEquals(1001, counts[1] + counts[2]);
        assertEquals(500.5, counts[1], 1.0);
    }

    @Test
    void theOrderIsNamedAndParsed() {
        assertEquals("temperature:2, even order", EVEN.toString());
        assertEquals("temperature:2, weights msra_ner=2, even order",
                EVEN.withTaskWeights(Map.of("msra_ner", 2.0)).toString());
        assertEquals("temperature:2", SamplingConfig.temperature(2).toString());
        assertEquals(TaskOrder.EVEN, TaskOrder.parse(" Even "));
        assertEquals(TaskOrder.RANDOM, TaskOrder.parse("random"));
        UserInputException e = assertThrows(UserInputException.class, () -> TaskOrder.parse("round-robin"));
        assertTrue(e.getMessage().contains("'round-robin'") && e.getMessage().contains("random or even"),
                e.getMessage());
        assertThrows(UserInputException.class, () -> TaskOrder.parse(null));
    }

    @Test
    void aConfigurationWithoutAnOrderReadsAsRandom() {
        assertEquals(TaskOrder.RANDOM, new SamplingConfig(SamplingStrategy.TEMPERATURE, 2, 0, null, null).order());
        assertEquals(TaskOrder.EVEN, EVEN.withTaskWeights(Map.of("afqmc", 2.0)).order());
    }
}
