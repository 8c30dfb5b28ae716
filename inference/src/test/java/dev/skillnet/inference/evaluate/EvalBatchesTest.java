package dev.skillnet.inference.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvalBatchesTest {

    private static int[] repeat(int length, int n) {
        int[] a = new int[n];
        Arrays.fill(a, length);
        return a;
    }

    @Test
    void shortInputsFillTheBatch() {
        // 64 x 64 tokens = 4,096 <= 64 x 128; scores 64 x 8 x 64 x 64 = 2.1 M <= 4.2 M
        assertEquals(List.of(64, 64, 8), EvalBatches.sizes(repeat(64, 136), 64, 8));
    }

    @Test
    void tokensBoundBatchesOfMidLengthInputs() {
        // at 2 heads the scores allow 32 inputs of 256; the tokens allow 8 x 128 / 256 = 4
        assertEquals(List.of(4, 4, 2), EvalBatches.sizes(repeat(256, 10), 8, 2));
    }

    @Test
    void scoresBoundBatchesOfReadingComprehensionWindows() {
        // windows of 512 at bge-small-zh's 8 heads: 8,192 tokens would allow 16, the scores 2
        assertEquals(List.of(2, 2, 2, 1), EvalBatches.sizes(repeat(512, 7), 64, 8));
        // at BERT-base's 12 heads one window of 512 is 3.1 M scores, two are over the budget
        assertEquals(List.of(1, 1, 1), EvalBatches.sizes(repeat(512, 3), 64, 12));
        // at 128 tokens and 12 heads: 21 x 12 x 128 x 128 = 4.13 M, 22 would be 4.33 M
        assertEquals(List.of(21, 21, 2), EvalBatches.sizes(repeat(128, 44), 64, 12));
    }

    @Test
    void aBatchPadsToItsLongestInput() {
        // 100 fits with 200 (2 x 200 x 200 x 8 = 640 K), 600 does not: alone it is 2.9 M
        assertEquals(List.of(2, 1, 1), EvalBatches.sizes(new int[] {100, 200, 600, 700}, 64, 8));
    }

    @Test
    void oneInputOverEveryBudgetStillMakesABatch() {
        assertEquals(List.of(1, 1), EvalBatches.sizes(new int[] {2048, 4096}, 1, 16));
    }

    @Test
    void noInputsNoBatches() {
        assertEquals(List.of(), EvalBatches.sizes(new int[0], 64, 8));
    }

    @Test
    void rejectsUnsortedLengthsAndNonPositiveSizes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EvalBatches.sizes(new int[] {10, 30, 20}, 64, 8));
        assertEquals("lengths must be ascending, but input 2 has 20 tokens after 30", e.getMessage());
        // caught across batches too: batches of one would never compare neighbours
        assertThrows(IllegalArgumentException.class, () -> EvalBatches.sizes(new int[] {10, 30, 20}, 1, 8));
        assertThrows(IllegalArgumentException.class, () -> EvalBatches.sizes(new int[] {1}, 0, 8));
        assertThrows(IllegalArgumentException.class, () -> EvalBatches.sizes(new int[] {1}, 8, 0));
    }
}
