package dev.skillnet.tasks.kinds;

import java.util.List;

/**
 * Features built from a split's examples.
 *
 * @param features the model inputs
 * @param truncated how many examples were longer than the task's max_length and were cut
 * @param repaired how many labels were repaired (stray I- tags), 0 for other task types
 */
public record Featurized(List<Feature> features, int truncated, int repaired) {

    /** Copies the list. */
    public Featurized {
        features = List.copyOf(features);
    }
}
