package dev.skillnet.train.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The test helper agrees with printed chi-square tables, so the sampler tests can trust it. */
class ChiSquareTest {

    @Test
    void criticalValuesAtTheOnePerMilleLevelMatchPublishedTables() {
        assertEquals(10.828, ChiSquare.quantile(1, 0.999), 1e-3);
        assertEquals(13.816, ChiSquare.quantile(2, 0.999), 1e-3);
        assertEquals(16.266, ChiSquare.quantile(3, 0.999), 1e-3);
        assertEquals(18.467, ChiSquare.quantile(4, 0.999), 1e-3);
        assertEquals(29.588, ChiSquare.quantile(10, 0.999), 1e-3);
    }

    @Test
    void statisticByHand() {
        // Expected 50 and 50; (60-50)²/50 + (40-50)²/50 = 2 + 2.
        assertEquals(4.0, ChiSquare.statistic(new long[] {60, 40}, new double[] {0.5, 0.5}), 1e-12);
    }
}
