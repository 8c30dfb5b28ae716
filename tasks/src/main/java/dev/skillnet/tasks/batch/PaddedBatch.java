package dev.skillnet.tasks.batch;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.skillnet.data.tokenize.Encoded;
import java.util.Arrays;
import java.util.List;

/**
 * Encoded inputs padded to the longest in the batch (dynamic padding).
 *
 * @param inputIds [B, T] int64
 * @param tokenTypeIds [B, T] int64
 * @param attentionMask [B, T] int64, 1 at real tokens
 * @param length T
 * @param realTokens the number of unpadded tokens in the batch
 */
public record PaddedBatch(NDArray inputIds, NDArray tokenTypeIds, NDArray attentionMask, int length, int realTokens) {

    /**
     * @param batch the encoded inputs
     * @param padId the tokenizer's [PAD] id
     * @param manager owns the arrays (a step's sub-manager)
     * @return the padded batch
     */
    public static PaddedBatch of(List<Encoded> batch, long padId, NDManager manager) {
        int t = 0;
        int real = 0;
        for (Encoded e : batch) {
            t = Math.max(t, e.length());
            real += e.length();
        }
        int b = batch.size();
        long[] ids = new long[b * t];
        long[] types = new long[b * t];
        long[] mask = new long[b * t];
        Arrays.fill(ids, padId);
        for (int i = 0; i < b; i++) {
            Encoded e = batch.get(i);
            System.arraycopy(e.inputIds(), 0, ids, i * t, e.length());
            System.arraycopy(e.tokenTypeIds(), 0, types, i * t, e.length());
            Arrays.fill(mask, i * t, i * t + e.length(), 1L);
        }
        ai.djl.ndarray.types.Shape shape = new ai.djl.ndarray.types.Shape(b, t);
        return new PaddedBatch(manager.create(ids, shape), manager.create(types, shape), manager.create(mask, shape),
                t, real);
    }
}
