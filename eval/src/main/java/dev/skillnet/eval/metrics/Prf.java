package dev.skillnet.eval.metrics;

/**
 * Counts for one class, entity type or micro average, and the precision, recall and F1 they give.
 * A zero denominator gives 0 (sklearn's and seqeval's {@code zero_division} default, without the
 * warning). All derived values are fractions in [0, 1].
 *
 * @param correct true positives
 * @param predicted number of predictions (true + false positives)
 * @param gold number of gold items (true positives + false negatives), i.e. the support
 */
public record Prf(int correct, int predicted, int gold) {

    /** Checks that the counts are consistent. */
    public Prf {
        if (correct < 0 || predicted < 0 || gold < 0) {
            throw new IllegalArgumentException(
                    "counts must be >= 0, got correct=" + correct + " predicted=" + predicted
                            + " gold=" + gold);
        }
        if (correct > predicted || correct > gold) {
            throw new IllegalArgumentException(
                    "correct (" + correct + ") exceeds predicted (" + predicted + ") or gold ("
                            + gold + ")");
        }
    }

    /** @return {@code correct / predicted}, or 0 when nothing was predicted */
    public double precision() {
        return predicted == 0 ? 0.0 : (double) correct / predicted;
    }

    /** @return {@code correct / gold}, or 0 when there is no gold item */
    public double recall() {
        return gold == 0 ? 0.0 : (double) correct / gold;
    }

    /** @return the harmonic mean of precision and recall, or 0 when both are 0 */
    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0.0 ? 0.0 : 2 * p * r / (p + r);
    }

    /** @return the number of gold items (same as {@link #gold()}) */
    public int support() {
        return gold;
    }
}
