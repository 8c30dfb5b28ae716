package dev.skillnet.tasks.kinds;

/**
 * The most probable legal tag sequence (Viterbi): the sequence that maximises the sum of each
 * position's log-probability for its tag among the sequences {@link TagTransitions} allows. Each
 * position's tags are scored on their own (the head has no transition weights), so where the argmax
 * tags are already legal they are the answer, and where they are not (an {@code I-PER} after
 * {@code O}) the search chooses the likelier repair ({@code B-PER}, or {@code O}) instead of leaving
 * it to the metric.
 */
final class TagPath {

    private TagPath() {}

    /**
     * @param logProbs [N][C] log-probabilities per position over the tag set (a row of
     *     {@code -Infinity} but one forbids every other tag there)
     * @param transitions the tag set's legal transitions, over the same C tags
     * @return the best legal sequence of tag indices, length N; ties go to the lower tag index
     */
    static int[] best(float[][] logProbs, TagTransitions transitions) {
        int n = logProbs.length;
        int c = transitions.size();
        int[] path = new int[n];
        if (n == 0) {
            return path;
        }
        double[] score = new double[c];
        int[][] back = new int[n][c];
        for (int t = 0; t < c; t++) {
            score[t] = transitions.starts(t) ? logProbs[0][t] : Double.NEGATIVE_INFINITY;
        }
        for (int i = 1; i < n; i++) {
            double[] next = new double[c];
            for (int t = 0; t < c; t++) {
                double best = Double.NEGATIVE_INFINITY;
                int from = 0;
                for (int p = 0; p < c; p++) {
                    if (transitions.follows(p, t) && score[p] > best) {
                        best = score[p];
                        from = p;
                    }
                }
                next[t] = best + logProbs[i][t];
                back[i][t] = from;
            }
            score = next;
        }
        int last = -1;
        for (int t = 0; t < c; t++) {
            if (transitions.ends(t) && (last < 0 || score[t] > score[last])) {
                last = t;
            }
        }
        path[n - 1] = last;
        for (int i = n - 1; i > 0; i--) {
            path[i - 1] = back[i][path[i]];
        }
        return path;
    }
}
