package dev.skillnet.eval.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PrfTest {

    @Test
    void computesPrecisionRecallF1() {
        // 2 correct of 3 predicted and 4 gold: P = 2/3, R = 1/2, F1 = 2PR/(P+R) = (2/3)/(7/6) = 4/7
        Prf prf = new Prf(2, 3, 4);
        assertEquals(2.0 / 3, prf.precision(), 1e-12);
        assertEquals(0.5, prf.recall(), 1e-12);
        assertEquals(4.0 / 7, prf.f1(), 1e-12);
        assertEquals(4, prf.support());
    }

    @Test
    void zeroDivisionGivesZero() {
        Prf nothingPredicted = new Prf(0, 0, 5);
        assertEquals(0.0, nothingPredicted.precision());
        assertEquals(0.0, nothingPredicted.f1());
        Prf nothingAtAll = new Prf(0, 0, 0);
        assertEquals(0.0, nothingAtAll.recall());
        assertEquals(0.0, nothingAtAll.f1());
    }

    @Test
    void rejectsInconsistentCounts() {
        assertThrows(IllegalArgumentException.class, () -> new Prf(2, 1, 5));
        assertThrows(IllegalArgumentException.class, () -> new Prf(2, 5, 1));
        assertThrows(IllegalArgumentException.class, () -> new Prf(-1, 0, 0));
    }
}
