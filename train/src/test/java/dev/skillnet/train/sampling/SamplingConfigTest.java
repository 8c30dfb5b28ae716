package dev.skillnet.train.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skillnet.core.UserInputException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SamplingConfigTest {

    private static final long[] SIZES = {100, 400, 900};
    private static final double EPS = 1e-12;

    @Test
    void parsesTheFourForms() {
        assertEquals(SamplingConfig.proportional(), SamplingConfig.parse("proportional"));
        assertEquals(SamplingConfig.temperature(2), SamplingConfig.parse("temperature:2"));
        assertEquals(SamplingConfig.temperature(0.5), SamplingConfig.parse(" Temperature:0.5 "));
        assertEquals(SamplingConfig.capped(5000), SamplingConfig.parse("capped:5000"));
        assertEquals(SamplingConfig.uniform(), SamplingConfig.parse("uniform"));
    }

    @Test
    void printsBackInTheSameForm() {
        assertEquals("proportional", SamplingConfig.parse("proportional").toString());
        assertEquals("temperature:2", SamplingConfig.parse("temperature:2").toString());
        assertEquals("temperature:1.5", SamplingConfig.parse("temperature:1.5").toString());
        assertEquals("capped:5000", SamplingConfig.parse("capped:5000").toString());
        assertEquals("uniform", SamplingConfig.parse("uniform").toString());
    }

    @Test
    void rejectsBadStrings() {
        for (String bad : new String[] {"", "random", "temperature", "temperature:", "temperature:0",
            "temperature:-1", "temperature:hot", "temperature:NaN", "temperature:Infinity", "capped:0",
            "capped:2.5", "capped:lots", "proportional:2", "uniform:1"}) {
            var e = assertThrows(UserInputException.class, () -> SamplingConfig.parse(bad), bad);
            assertTrue(e.getMessage().startsWith("invalid sampling '" + bad + "'"), e.getMessage());
        }
        assertThrows(UserInputException.class, () -> SamplingConfig.parse(null));
    }

    @Test
    void proportionalIsSizeOverTotal() {
        // 100, 400, 900 of 1400.
        assertArrayEquals(new double[] {1 / 14.0, 4 / 14.0, 9 / 14.0},
                SamplingConfig.proportional().probabilities(SIZES), EPS);
    }

    @Test
    void temperatureTwoIsProportionalToSquareRoots() {
        // sqrt: 10, 20, 30 of 60.
        assertArrayEquals(new double[] {1 / 6.0, 2 / 6.0, 3 / 6.0},
                SamplingConfig.temperature(2).probabilities(SIZES), EPS);
    }

    @Test
    void temperatureOneHalfIsProportionalToSquares() {
        // squares: 1e4, 16e4, 81e4 of 98e4.
        assertArrayEquals(new double[] {1 / 98.0, 16 / 98.0, 81 / 98.0},
                SamplingConfig.temperature(0.5).probabilities(SIZES), EPS);
    }

    @Test
    void temperatureOneIsProportional() {
        assertArrayEquals(SamplingConfig.proportional().probabilities(SIZES),
                SamplingConfig.temperature(1).probabilities(SIZES), EPS);
    }

    @Test
    void aTinyTemperatureDoesNotOverflow() {
        // (1e9/2e9)^100 = 2^-100 ≈ 7.9e-31 relative weight.
        double[] p = SamplingConfig.temperature(0.01).probabilities(new long[] {1_000_000_000L, 2_000_000_000L});
        assertEquals(Math.pow(2, -100), p[0], 1e-40);
        assertEquals(1.0, p[1], EPS);
    }

    @Test
    void cappedCountsLargeTasksAsK() {
        // min(n, 500): 100, 400, 500 of 1000.
        assertArrayEquals(new double[] {0.1, 0.4, 0.5}, SamplingConfig.capped(500).probabilities(SIZES), EPS);
    }

    @Test
    void uniformIsEqual() {
        assertArrayEquals(new double[] {1 / 3.0, 1 / 3.0, 1 / 3.0},
                SamplingConfig.uniform().probabilities(SIZES), EPS);
    }

    @Test
    void aTaskWithoutExamplesGetsProbabilityZeroUnderEveryStrategy() {
        long[] sizes = {0, 400, 900};
        for (String spec : new String[] {"proportional", "temperature:2", "capped:500", "uniform"}) {
            double[] p = SamplingConfig.parse(spec).probabilities(sizes);
            assertEquals(0.0, p[0], spec);
            assertEquals(1.0, p[1] + p[2], EPS, spec);
        }
        assertArrayEquals(new double[] {0, 0.5, 0.5}, SamplingConfig.uniform().probabilities(sizes), EPS);
    }

    @Test
    void allZeroSizesAreRejected() {
        var e = assertThrows(UserInputException.class,
                () -> SamplingConfig.proportional().probabilities(new long[] {0, 0}));
        assertTrue(e.getMessage().contains("0 training examples"), e.getMessage());
        assertThrows(UserInputException.class, () -> SamplingConfig.uniform().probabilities(new long[0]));
    }

    @Test
    void aTaskWeightMultipliesItsProbabilityBeforeRenormalising() {
        // uniform 1/3 each; c weighted 2: 1, 1, 2 of 4.
        SamplingConfig weighted = SamplingConfig.uniform().withTaskWeights(Map.of("c", 2.0));
        assertArrayEquals(new double[] {0.25, 0.25, 0.5}, weighted.probabilities(List.of("a", "b", "c"), SIZES), EPS);
        // temperature 2: 10, 20, 30; a weighted 3 and b 0.5: 30, 10, 30 of 70.
        SamplingConfig two = SamplingConfig.temperature(2).withTaskWeights(Map.of("a", 3.0, "b", 0.5));
        assertArrayEquals(new double[] {3 / 7.0, 1 / 7.0, 3 / 7.0}, two.probabilities(List.of("a", "b", "c"), SIZES),
                EPS);
    }

    @Test
    void aWeightForATaskNotTrainedIsIgnoredAndNoWeightsIsTheStrategyAlone() {
        SamplingConfig weighted = SamplingConfig.proportional().withTaskWeights(Map.of("ocnli", 5.0));
        assertArrayEquals(SamplingConfig.proportional().probabilities(SIZES),
                weighted.probabilities(List.of("a", "b", "c"), SIZES), EPS);
        assertArrayEquals(SamplingConfig.capped(500).probabilities(SIZES),
                SamplingConfig.capped(500).probabilities(List.of("a", "b", "c"), SIZES), EPS);
        assertThrows(IllegalArgumentException.class,
                () -> SamplingConfig.uniform().probabilities(List.of("a", "b"), SIZES));
    }

    @Test
    void aWeightIsAPositiveNumberForANamedTask() {
        for (double bad : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            var e = assertThrows(UserInputException.class,
                    () -> SamplingConfig.uniform().withTaskWeights(Map.of("afqmc", bad)), "weight " + bad);
            assertTrue(e.getMessage().startsWith("the weight of task 'afqmc' must be a positive number"),
                    e.getMessage());
        }
        assertThrows(UserInputException.class, () -> SamplingConfig.uniform().withTaskWeights(Map.of(" ", 2.0)));
        assertEquals(SamplingConfig.uniform(), new SamplingConfig(SamplingStrategy.UNIFORM, 1, 0, null, null));
    }

    @Test
    void printsItsWeightsAfterTheStrategy() {
        assertEquals("temperature:3, weights afqmc=0.5 msra_ner=2",
                SamplingConfig.temperature(3).withTaskWeights(Map.of("msra_ner", 2.0, "afqmc", 0.5)).toString());
    }

    @Test
    void parametersAreCheckedWhenBuiltDirectly() {
        assertThrows(UserInputException.class, () -> SamplingConfig.temperature(0));
        assertThrows(UserInputException.class, () -> SamplingConfig.capped(0));
    }
}
