package dev.skillnet.tasks.kinds;

import java.util.Map;

/**
 * A classification prediction.
 *
 * @param label the most probable label
 * @param probabilities every label's probability, in label order
 */
public record ClassPrediction(String label, Map<String, Double> probabilities) {}
