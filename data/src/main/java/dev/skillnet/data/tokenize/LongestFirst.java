package dev.skillnet.data.tokenize;

/**
 * How many tokens of each segment survive truncation, computed as Hugging Face's {@code
 * longest_first} strategy does: when a pair is too long, the shorter segment (the first one on a
 * tie) keeps at most half the budget and the longer one gets the rest.
 */
final class LongestFirst {

    private LongestFirst() {}

    /**
     * Tokens kept per segment.
     *
     * @param n1 tokens of the first segment
     * @param n2 tokens of the second segment, or -1 when there is none
     * @param budget tokens allowed for the segments (the maximum length minus special tokens)
     * @return {keep1, keep2}; keep2 is 0 for a single segment
     */
    static int[] keep(int n1, int n2, int budget) {
        if (budget < 0) {
            throw new IllegalArgumentException("maximum length too small for the special tokens");
        }
        if (n2 < 0) {
            return new int[] {Math.min(n1, budget), 0};
        }
        if (n1 + n2 <= budget) {
            return new int[] {n1, n2};
        }
        if (n1 <= n2) {
            int k1 = Math.min(n1, budget / 2);
            return new int[] {k1, Math.min(n2, budget - k1)};
        }
        int k2 = Math.min(n2, budget / 2);
        return new int[] {Math.min(n1, budget - k2), k2};
    }
}
