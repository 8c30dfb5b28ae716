package dev.skillnet.tasks.kinds;

import dev.skillnet.data.tokenize.Encoded;

/**
 * One model input built from an example (one window of it, for reading comprehension).
 *
 * @param encoded the tokens, ids and their character offsets
 * @param targets the training targets: {@code [label]} for classification, one tag id per token
 *     ({@link #IGNORE} where no loss applies) for tagging, {@code [start, end]} token positions for
 *     span extraction (0, 0 — the [CLS] token — when the answer is not in this window)
 * @param example the index of the example it came from
 */
public record Feature(Encoded encoded, int[] targets, int example) {

    /** A target position that takes no loss (special tokens, sub-word continuations, padding). */
    public static final int IGNORE = -100;

    /** @return the number of tokens */
    public int length() {
        return encoded.length();
    }
}
