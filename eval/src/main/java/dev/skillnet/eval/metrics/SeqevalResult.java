package dev.skillnet.eval.metrics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Entity-level sequence-labelling results as seqeval computes them.
 *
 * @param micro micro-averaged counts over all sentences and types
 * @param perType counts per entity type, for every type found in gold or prediction, sorted by type
 * @param sentences the number of sentences evaluated
 * @param goldStrayTagsRepaired stray continuation tags repaired in the gold sequences
 * @param predictedStrayTagsRepaired stray continuation tags repaired in the predicted sequences
 */
public record SeqevalResult(
        Prf micro,
        Map<String, Prf> perType,
        int sentences,
        int goldStrayTagsRepaired,
        int predictedStrayTagsRepaired) {

    /** Freezes the per-type map, keeping it sorted. */
    public SeqevalResult {
        perType = Collections.unmodifiableMap(new TreeMap<>(perType));
    }

    /**
     * The result as a {@link Score} named {@code "f1"} (micro F1, in percent), with extras {@code
     * precision}, {@code recall} (micro) and {@code f1/TYPE} for every type.
     *
     * @return the score with {@code n} = number of sentences
     */
    public Score toScore() {
        Map<String, Double> extras = new LinkedHashMap<>();
        extras.put("precision", 100.0 * micro.precision());
        extras.put("recall", 100.0 * micro.recall());
        perType.forEach((type, prf) -> extras.put("f1/" + type, 100.0 * prf.f1()));
        return new Score("f1", 100.0 * micro.f1(), sentences, extras);
    }
}
