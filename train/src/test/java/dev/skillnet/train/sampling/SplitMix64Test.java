package dev.skillnet.train.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SplitMix64Test {

    @Test
    void matchesTheReferenceSequenceForSeed1234567() {
        // First outputs of Vigna's splitmix64.c seeded with 1234567 (as unsigned decimals).
        SplitMix64 random = new SplitMix64(1234567);
        assertEquals("6457827717110365317", Long.toUnsignedString(random.nextLong()));
        assertEquals("3203168211198807973", Long.toUnsignedString(random.nextLong()));
        assertEquals("9817491932198370423", Long.toUnsignedString(random.nextLong()));
        assertEquals("4593380528125082431", Long.toUnsignedString(random.nextLong()));
        assertEquals("16408922859458223821", Long.toUnsignedString(random.nextLong()));
    }

    @Test
    void theStateIsTheWholeStory() {
        SplitMix64 a = new SplitMix64(42);
        a.nextLong();
        long saved = a.state();
        long expected = a.nextLong();
        SplitMix64 b = new SplitMix64(7);
        b.restore(saved);
        assertEquals(expected, b.nextLong());
    }

    @Test
    void doublesLieInTheUnitInterval() {
        SplitMix64 random = new SplitMix64(1);
        for (int i = 0; i < 10_000; i++) {
            double u = random.nextDouble();
            assertTrue(u >= 0 && u < 1, "u = " + u);
        }
    }
}
