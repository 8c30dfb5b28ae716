package dev.skillnet.tasks.kinds;

/**
 * A reading-comprehension answer.
 *
 * @param text the answer, {@code context.substring(start, end)}; empty when the passage has no
 *     token to answer with
 * @param start its start in the context, a Java char offset (-1 when not taken from the context,
 *     as for the baseline's constant answer)
 * @param end its end (exclusive) in the context, a Java char offset (-1 likewise)
 * @param score start logit + end logit of the chosen span ({@link Double#NEGATIVE_INFINITY} when
 *     there was no span to choose)
 */
public record SpanPrediction(String text, int start, int end, double score) {}
