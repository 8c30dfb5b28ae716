package dev.skillnet.train.objective;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.skillnet.tasks.kinds.Feature;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Token cross entropy, averaged over the positions that are not ignored; targets padded with IGNORE. */
class TaggingObjectiveTest {

    private static final long I = Feature.IGNORE;
    private static final float LN3 = (float) Math.log(3);

    private final Objective objective = new TaggingObjective();
    private NDManager manager;

    @BeforeEach
    void setUp() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void tearDown() {
        manager.close();
    }

    @Test
    void averagesOverLabelledTokensOnly() {
        // Two sentences, T = 3, C = 2. Labelled: (0,0) target 0 with p = 3/4; (0,2) target 1 with
        // p = 1/2; (1,1) target 1 with p = 1/4. The ignored tokens have extreme logits.
        NDArray logits = manager.create(new float[] {
            LN3, 0, 100, -100, 0, 0,
            -100, 100, LN3, 0, 7, -7}, new Shape(2, 3, 2));
        NDArray targets = manager.create(new long[] {0, I, 1, I, 1, I}, new Shape(2, 3));
        NDArray mask = manager.create(new long[] {1, 1, 1, 1, 1, 0}, new Shape(2, 3));
        double expected = (Math.log(4.0 / 3) + Math.log(2) + Math.log(4)) / 3;
        assertEquals(expected, objective.loss(logits, targets, mask).getFloat(), 1e-5);
    }

    @Test
    void isZeroWhenNothingIsLabelled() {
        NDArray logits = manager.create(new float[] {1, 2, 3, 4}, new Shape(1, 2, 2));
        NDArray targets = manager.create(new long[] {I, I}, new Shape(1, 2));
        NDArray mask = manager.create(new long[] {1, 1}, new Shape(1, 2));
        assertEquals(0.0, objective.loss(logits, targets, mask).getFloat(), 0.0);
    }

    @Test
    void targetsArePaddedWithIgnore() {
        Feature a = Features.of(4, new int[] {(int) I, 1, 0, (int) I}, 0);
        Feature b = Features.of(3, new int[] {(int) I, 3, (int) I}, 1);
        NDArray t = objective.targets(List.of(a, b), 5, manager);
        assertEquals(new Shape(2, 5), t.getShape());
        assertArrayEquals(new long[] {I, 1, 0, I, I, I, 3, I, I, I}, t.toLongArray());
    }
}
