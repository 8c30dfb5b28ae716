package dev.skillnet.tasks.kinds;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The labels a head predicts, in output order (classes, or tags such as {@code O}, {@code B-PER}).
 *
 * @param labels the labels; index i is head output i
 */
public record LabelSet(List<String> labels) {

    /** Copies the list and rejects duplicates. */
    public LabelSet {
        labels = List.copyOf(labels);
        if (labels.stream().distinct().count() != labels.size()) {
            throw new IllegalArgumentException("duplicate labels in " + labels);
        }
    }

    /** @return the number of labels */
    public int size() {
        return labels.size();
    }

    /**
     * @param i a head output index
     * @return its label
     */
    public String get(int i) {
        return labels.get(i);
    }

    /**
     * @param label a label
     * @return its index, or -1 when it is not in the set
     */
    public int indexOf(String label) {
        return index().getOrDefault(label, -1);
    }

    /** @return whether the label is in the set */
    public boolean contains(String label) {
        return indexOf(label) >= 0;
    }

    private Map<String, Integer> index() {
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            m.put(labels.get(i), i);
        }
        return m;
    }
}
