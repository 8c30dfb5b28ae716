package dev.skillnet.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Per-column symmetric 7-bit weights in int8: each column's largest magnitude maps to 63, every
 * value to within half a step, and no pair of products with a uint8 input overflows 16 bits.
 */
class Int8ColumnsTest {

    @Test
    void eachColumnHasItsOwnScaleAndRoundsToTheNearestStep() {
        int in = 5;
        int out = 3;
        float[] w = new float[in * out];
        Random r = new Random(3);
        for (int i = 0; i < in; i++) {
            w[i * out] = (float) r.nextGaussian(); // column 0: about 1
            w[i * out + 1] = (float) r.nextGaussian() * 1e-3f; // column 1: a thousand times smaller
        }
        w[2 * out + 1] = -0.01f; // column 1's largest magnitude, negative
        // column 2: all zero
        Int8Columns q = Int8Columns.of(w, in, out);
        assertEquals(0.01f / 63, q.scales()[1], 1e-9);
        assertEquals(-63, q.values()[2 * out + 1]);
        assertEquals(1f, q.scales()[2]);
        for (int i = 0; i < in; i++) {
            assertEquals(0, q.values()[i * out + 2]);
            for (int j = 0; j < 2; j++) {
                float back = q.values()[i * out + j] * q.scales()[j];
                assertTrue(Math.abs(back - w[i * out + j]) <= q.scales()[j] / 2 + 1e-9,
                        "w[" + i + "][" + j + "] = " + w[i * out + j] + " came back as " + back);
            }
        }
    }

    @Test
    void exactMultiplesOfTheStepComeBackExactly() {
        float[] w = {63f, -32f, 0f, 1f};
        Int8Columns q = Int8Columns.of(w, 4, 1);
        assertArrayEquals(new byte[] {63, -32, 0, 1}, q.values());
        assertArrayEquals(new float[] {1f}, q.scales());
    }

    @Test
    void twoProductsWithTheLargestUint8InputFitA16BitSum() {
        // AVX2 without VNNI adds adjacent uint8 x int8 products in a saturating 16-bit sum
        float[] w = new float[64 * 8];
        Random r = new Random(5);
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) r.nextGaussian();
        }
        Int8Columns q = Int8Columns.of(w, 64, 8);
        for (int i = 0; i + 1 < 64; i += 2) {
            for (int j = 0; j < 8; j++) {
                int pair = 255 * Math.abs(q.values()[i * 8 + j]) + 255 * Math.abs(q.values()[(i + 1) * 8 + j]);
                assertTrue(pair <= Short.MAX_VALUE, "rows " + i + "-" + (i + 1) + ", column " + j + ": " + pair);
            }
        }
    }
}
