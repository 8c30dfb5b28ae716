package dev.skillnet.tasks.batch;

import dev.skillnet.data.tokenize.Encoded;
import dev.skillnet.model.heads.Pooling;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The rows the encoder reads for a batch of features. Usually one row per feature; for a task whose
 * head reads each text of a pair apart ({@link Pooling#SIAMESE}, {@link Pooling#COSINE}), two: pair i's
 * {@code [CLS] text [SEP]} at row 2i and {@code [CLS] text_pair [SEP]} at row 2i + 1, cut from the
 * pair's usual encoding {@code [CLS] text [SEP] text_pair [SEP]} (so truncation, and everything
 * else the featurizer decides, is shared by both ways of reading a pair).
 */
public final class EncoderRows {

    private EncoderRows() {}

    /**
     * @param pooling the task head's pooling
     * @param batch one encoding per feature
     * @return the batch itself, or for siamese and cosine pooling its 2B texts apart
     * @throws IllegalArgumentException when such a feature has no second segment
     */
    public static List<Encoded> of(Pooling pooling, List<Encoded> batch) {
        if (!pooling.encodesTextsApart()) {
            return batch;
        }
        List<Encoded> rows = new ArrayList<>(2 * batch.size());
        for (Encoded pair : batch) {
            rows.add(first(pair));
            rows.add(second(pair));
        }
        return rows;
    }

    /** @return {@code [CLS] text [SEP]}: the tokens of token type 0, unchanged */
    static Encoded first(Encoded pair) {
        int n = firstLength(pair);
        return new Encoded(Arrays.copyOf(pair.inputIds(), n), new long[n], Arrays.copyOf(pair.tokens(), n),
                Arrays.copyOf(pair.charStart(), n), Arrays.copyOf(pair.charEnd(), n),
                Arrays.copyOf(pair.wordIds(), n), Arrays.copyOf(pair.sequenceIds(), n), pair.truncated());
    }

    /**
     * @return {@code [CLS] text_pair [SEP]}: the pair's {@code [CLS]} followed by the tokens of
     *     token type 1, now of token type 0 and sequence id 0, as if the second text were encoded alone
     */
    static Encoded second(Encoded pair) {
        int from = firstLength(pair);
        int n = pair.length() - from + 1;
        long[] ids = new long[n];
        String[] tokens = new String[n];
        int[] charStart = new int[n];
        int[] charEnd = new int[n];
        int[] wordIds = new int[n];
        int[] sequenceIds = new int[n];
        ids[0] = pair.inputIds()[0];
        tokens[0] = pair.tokens()[0];
        charStart[0] = pair.charStart()[0];
        charEnd[0] = pair.charEnd()[0];
        wordIds[0] = pair.wordIds()[0];
        sequenceIds[0] = pair.sequenceIds()[0];
        for (int i = 1; i < n; i++) {
            int j = from + i - 1;
            ids[i] = pair.inputIds()[j];
            tokens[i] = pair.tokens()[j];
            charStart[i] = pair.charStart()[j];
            charEnd[i] = pair.charEnd()[j];
            wordIds[i] = pair.wordIds()[j];
            sequenceIds[i] = pair.sequenceIds()[j] < 0 ? -1 : 0;
        }
        return new Encoded(ids, new long[n], tokens, charStart, charEnd, wordIds, sequenceIds, pair.truncated());
    }

    /** @return the number of tokens of token type 0 ({@code [CLS] text [SEP]}) */
    private static int firstLength(Encoded pair) {
        int n = 0;
        while (n < pair.length() && pair.tokenTypeIds()[n] == 0) {
            n++;
        }
        if (n == pair.length()) {
            throw new IllegalArgumentException("a siamese head reads two texts, but this input has one: "
                    + String.join(" ", pair.tokens()));
        }
        return n;
    }
}
