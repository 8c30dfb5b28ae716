package dev.skillnet.inference;

import java.util.Map;

/**
 * A text (or text pair) classified.
 *
 * @param label the most probable label
 * @param probability its probability
 * @param probabilities every label's probability, in the head's label order, summing to 1
 */
public record Classification(String label, double probability, Map<String, Double> probabilities) {

    /** Copies the map, keeping its order. */
    public Classification {
        probabilities = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(probabilities));
    }
}
