package dev.skillnet.cli;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.skillnet.data.tokenize.Encoded;
import java.util.List;

/**
 * Encoded inputs padded to the longest in the batch.
 *
 * @param inputIds [B, T] int64
 * @param tokenTypeIds [B, T] int64
 * @param attentionMask [B, T] int64, 1 at real tokens
 * @param length T
 */
record PaddedBatch(NDArray inputIds, NDArray tokenTypeIds, NDArray attentionMask, int length) {

    static PaddedBatch of(List<Encoded> batch, long padId, NDManager manager) {
        int t = 0;
        for (Encoded e : batch) {
            t = Math.max(t, e.length());
        }
        long[][] ids = new long[batch.size()][t];
        long[][] types = new long[batch.size()][t];
        long[][] mask = new long[batch.size()][t];
        for (int i = 0; i < batch.size(); i++) {
            Encoded e = batch.get(i);
            java.util.Arrays.fill(ids[i], padId);
            for (int k = 0; k < e.length(); k++) {
                ids[i][k] = e.inputIds()[k];
                types[i][k] = e.tokenTypeIds()[k];
                mask[i][k] = 1;
            }
        }
        return new PaddedBatch(manager.create(ids), manager.create(types), manager.create(mask), t);
    }
}
