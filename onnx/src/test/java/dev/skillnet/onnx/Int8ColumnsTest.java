package dev.skillnet.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Per-column symmetric int8: each column's largest magnitude maps to 127, every value to within half a step. */
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
        assertEquals(0.01f / 127, q.scales()[1], 1e-9);
        assertEquals(-127, q.values()[2 * out + 1]);
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
        float[] w = {127f, -64f, 0f, 1f};
        Int8Columns q = Int8Columns.of(w, 4, 1);
        assertArrayEquals(new byte[] {127, -64, 0, 1}, q.values());
        assertArrayEquals(new float[] {1f}, q.scales());
    }
}
