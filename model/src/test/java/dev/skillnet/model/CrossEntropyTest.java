package dev.skillnet.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import dev.skillnet.model.nn.CrossEntropy;
import org.junit.jupiter.api.Test;

/** The one cross-entropy, against values worked out by hand. */
class CrossEntropyTest {

    @Test
    void meanOverRows() {
        try (NDManager m = NDManager.newBaseManager()) {
            // row 0: logits (0, ln 3), label 1: -ln(3/4); row 1: logits (0, 0), label 0: -ln(1/2)
            float ln3 = (float) Math.log(3);
            double expected = (-Math.log(0.75) - Math.log(0.5)) / 2;
            assertEquals(expected, CrossEntropy.mean(m.create(new float[][] {{0, ln3}, {0, 0}}),
                    m.create(new long[] {1, 0})).getFloat(), 1e-6);
        }
    }

    @Test
    void maskedMeanSkipsNegativeTargets() {
        try (NDManager m = NDManager.newBaseManager()) {
            // one sentence of three tokens; the middle one (target -100) takes no loss
            float ln3 = (float) Math.log(3);
            float[] flat = {0, ln3, 50, -50, 0, 0};
            ai.djl.ndarray.types.Shape shape = new ai.djl.ndarray.types.Shape(1, 3, 2);
            double expected = (-Math.log(0.75) - Math.log(0.5)) / 2;
            assertEquals(expected, CrossEntropy.maskedMean(m.create(flat, shape), m.create(new long[][] {{1, -100, 0}}))
                    .getFloat(), 1e-6);
            assertEquals(0.0, CrossEntropy.maskedMean(m.create(flat, shape), m.create(new long[][] {{-100, -100, -100}}))
                    .getFloat(), 1e-9, "no target: no loss");
        }
    }
}
