package dev.skillnet.eval.metrics;

import java.util.List;
import java.util.Objects;

/** Argument checks shared by the metrics. */
final class Inputs {

    private Inputs() {}

    /**
     * Checks that gold and predicted label lists are non-null, non-empty, free of nulls and of the
     * same length.
     */
    static void checkPaired(List<String> gold, List<String> predicted) {
        Objects.requireNonNull(gold, "gold labels");
        Objects.requireNonNull(predicted, "predicted labels");
        if (gold.size() != predicted.size()) {
            throw new IllegalArgumentException(
                    "gold and predicted differ in length: " + gold.size() + " gold labels vs "
                            + predicted.size() + " predictions");
        }
        checkLabels(gold, "gold");
        checkLabels(predicted, "predicted");
    }

    /** Checks that a label list is non-empty and free of nulls. */
    static void checkLabels(List<String> labels, String what) {
        Objects.requireNonNull(labels, what + " labels");
        if (labels.isEmpty()) {
            throw new IllegalArgumentException(what + " labels are empty: nothing to evaluate");
        }
        for (int i = 0; i < labels.size(); i++) {
            if (labels.get(i) == null) {
                throw new IllegalArgumentException(what + " label at index " + i + " is null");
            }
        }
    }
}
