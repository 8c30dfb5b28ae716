package dev.skillnet.eval.metrics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One metric result in a uniform shape for reports: a main metric, its value in percent, the
 * number of examples it was computed on, and further named values (also in percent).
 *
 * @param metric name of the main metric, e.g. {@code "accuracy"}, {@code "macro_f1"}, {@code "f1"}
 * @param value the main metric in percent, in [0, 100]
 * @param n the number of evaluated examples (sentences, questions, instances)
 * @param extras further metrics by name, in percent, in insertion order (never {@code null})
 */
public record Score(String metric, double value, int n, Map<String, Double> extras) {

    /** Validates the fields and freezes {@code extras}, keeping its order. */
    public Score {
        Objects.requireNonNull(metric, "metric");
        if (metric.isBlank()) {
            throw new IllegalArgumentException("score metric name is blank");
        }
        checkPercent(metric, value);
        if (n < 0) {
            throw new IllegalArgumentException("score n must be >= 0, got " + n);
        }
        Map<String, Double> copy = new LinkedHashMap<>();
        if (extras != null) {
            for (Map.Entry<String, Double> e : extras.entrySet()) {
                Objects.requireNonNull(e.getKey(), "extras key");
                Objects.requireNonNull(e.getValue(), "extras value for " + e.getKey());
                checkPercent(e.getKey(), e.getValue());
                copy.put(e.getKey(), e.getValue());
            }
        }
        extras = Collections.unmodifiableMap(copy);
    }

    /**
     * A score without extras.
     *
     * @param metric main metric name
     * @param value main value in percent
     * @param n number of examples
     */
    public Score(String metric, double value, int n) {
        this(metric, value, n, Map.of());
    }

    /**
     * One line for logs and reports, e.g. {@code f1=93.25 (n=200; precision=92.10, recall=94.43)}.
     *
     * @return the formatted score, values with two decimals
     */
    public String format() {
        StringBuilder sb = new StringBuilder();
        sb.append(metric).append('=').append(String.format(Locale.ROOT, "%.2f", value));
        sb.append(" (n=").append(n);
        String sep = "; ";
        for (Map.Entry<String, Double> e : extras.entrySet()) {
            sb.append(sep).append(e.getKey()).append('=')
                    .append(String.format(Locale.ROOT, "%.2f", e.getValue()));
            sep = ", ";
        }
        return sb.append(')').toString();
    }

    private static void checkPercent(String name, double v) {
        if (!(v >= 0.0 && v <= 100.0)) {
            throw new IllegalArgumentException(
                    "score '" + name + "' must be a percentage in [0, 100], got " + v);
        }
    }
}
