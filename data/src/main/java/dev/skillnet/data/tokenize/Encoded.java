package dev.skillnet.data.tokenize;

/**
 * One encoded model input: the word pieces of one or two segments with the BERT special tokens,
 * unpadded.
 *
 * <p>All arrays have one entry per token. For the special tokens ({@code [CLS]}, {@code [SEP]})
 * {@code charStart}, {@code charEnd}, {@code wordIds} and {@code sequenceIds} are -1.
 *
 * @param inputIds vocabulary ids
 * @param tokenTypeIds 0 for {@code [CLS]}, the first segment and its {@code [SEP]}; 1 for the second
 *     segment and the final {@code [SEP]}
 * @param tokens the token strings
 * @param charStart start of the token in the original Java string of its segment (a UTF-16 char
 *     index, not a code point index)
 * @param charEnd end (exclusive) of the token in the original Java string of its segment
 * @param wordIds index of the word the token came from within its segment; for {@link
 *     BertTokenizer#encodeChars} the index of the character in the given list
 * @param sequenceIds 0 for tokens of the first segment, 1 for the second (the context, for reading
 *     comprehension windows)
 * @param truncated whether tokens were dropped to fit the maximum length
 */
public record Encoded(
        long[] inputIds,
        long[] tokenTypeIds,
        String[] tokens,
        int[] charStart,
        int[] charEnd,
        int[] wordIds,
        int[] sequenceIds,
        boolean truncated) {

    /** @return the number of tokens, special tokens included */
    public int length() {
        return inputIds.length;
    }

    /**
     * Whether a token belongs to the second segment (the context of a reading-comprehension
     * window).
     *
     * @param token the token index
     * @return {@code true} when its sequence id is 1
     */
    public boolean isSecondSegment(int token) {
        return sequenceIds[token] == 1;
    }
}
