package dev.skillnet.inference.evaluate;

import dev.skillnet.model.bert.BertSelfAttention;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts inputs sorted by length into evaluation batches under two budgets: padded tokens (the
 * activations of the linear layers) and attention scores (the {@code [B, heads, T, T]} tensors,
 * which grow with the square of the length).
 *
 * <p>The second budget is what keeps long inputs fast. At reading comprehension's windows of 512
 * tokens, a batch of 16 windows at bge-small-zh's 8 heads makes score tensors of 134 MB; glibc
 * serves any allocation above 32 MiB (its largest mmap threshold) with fresh pages from the kernel
 * and unmaps them on free, so every such tensor is page-faulted anew, batch after batch. Below the
 * budget the freed tensors return to the allocator's heap and are reused, and they stay closer to
 * the caches. Measured on the 2-core AMD EPYC machine, bge-small-zh with four skills active, the
 * 231 cmrc2018 test questions of the bundled sample: 83.0-94.8 s with batches of 16 windows,
 * 57.5 s with 2 (docs/PERFORMANCE.md).
 */
public final class EvalBatches {

    /**
     * A batch holds at most {@code batchSize} times this many tokens (padded), so that long inputs
     * do not make a batch's activations, and the peak memory, grow with their length; at or below
     * it, a batch is {@code batchSize} inputs.
     */
    public static final int TOKENS_PER_INPUT = 128;

    /**
     * A batch's attention scores, {@code B x heads x T x T}, hold at most this many floats (16 MiB,
     * half of glibc's largest mmap threshold); one input over it still makes a batch of one.
     */
    public static final long SCORES_PER_BATCH = BertSelfAttention.SCORES_PER_GROUP;

    private EvalBatches() {}

    /**
     * @param lengths the inputs' token counts, in ascending order
     * @param batchSize at most this many inputs per batch
     * @param heads the encoder's attention heads
     * @return the batches' sizes, in order; they sum to {@code lengths.length}
     * @throws IllegalArgumentException if the lengths are not ascending or a size is not positive
     */
    public static List<Integer> sizes(int[] lengths, int batchSize, int heads) {
        if (batchSize <= 0 || heads <= 0) {
            throw new IllegalArgumentException("batch size and heads must be positive, got " + batchSize
                    + " and " + heads);
        }
        for (int i = 1; i < lengths.length; i++) {
            if (lengths[i] < lengths[i - 1]) {
                throw new IllegalArgumentException("lengths must be ascending, but input " + i + " has "
                        + lengths[i] + " tokens after " + lengths[i - 1]);
            }
        }
        List<Integer> sizes = new ArrayList<>();
        for (int start = 0, end; start < lengths.length; start = end) {
            end = end(lengths, start, batchSize, heads);
            sizes.add(end - start);
        }
        return sizes;
    }

    /** @return one past the last input of the batch starting at {@code start} */
    private static int end(int[] lengths, int start, int batchSize, int heads) {
        long tokenBudget = (long) batchSize * TOKENS_PER_INPUT;
        int end = start + 1;
        while (end < lengths.length && end - start < batchSize) {
            long inputs = end - start + 1;
            long t = lengths[end]; // the batch pads to its longest input, the last one
            if (t * inputs > tokenBudget || inputs * heads * t * t > SCORES_PER_BATCH) {
                break;
            }
            end++;
        }
        return end;
    }
}
