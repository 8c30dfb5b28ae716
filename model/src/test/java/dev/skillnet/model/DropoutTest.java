package dev.skillnet.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.skillnet.model.nn.Dropout;
import org.junit.jupiter.api.Test;

/** Inverted dropout: drops about p of the elements, scales the rest, and is seeded. */
class DropoutTest {

    @Test
    void dropsAboutPAndScalesTheRestByOneOverOneMinusP() {
        try (NDManager m = NDManager.newBaseManager()) {
            Engine.getInstance().setRandomSeed(5);
            float[] y = Dropout.apply(m.ones(new Shape(200, 500)), 0.1f).toFloatArray();
            int zeros = 0;
            for (float v : y) {
                if (v == 0f) {
                    zeros++;
                } else {
                    assertEquals(1f / 0.9f, v, 1e-6f);
                }
            }
            // 100,000 Bernoulli(0.1) draws: standard deviation about 95, so ±600 is over 6 sigma
            assertTrue(Math.abs(zeros - 10_000) < 600, "dropped " + zeros + " of 100000 at p = 0.1");
        }
    }

    @Test
    void sameSeedSameMaskAndOtherSeedOtherMask() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.ones(new Shape(64, 64));
            Engine.getInstance().setRandomSeed(11);
            float[] a = Dropout.apply(x, 0.5f).toFloatArray();
            Engine.getInstance().setRandomSeed(11);
            float[] b = Dropout.apply(x, 0.5f).toFloatArray();
            Engine.getInstance().setRandomSeed(12);
            float[] c = Dropout.apply(x, 0.5f).toFloatArray();
            assertArrayEquals(a, b);
            assertTrue(!java.util.Arrays.equals(a, c));
        }
    }

    @Test
    void zeroIsTheIdentityAndOneIsRefused() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.ones(new Shape(3));
            assertSame(x, Dropout.apply(x, 0f));
            assertThrows(IllegalArgumentException.class, () -> Dropout.apply(x, 1f));
        }
    }
}
