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
 *     there was no span to choose); spans are ranked by it
 * @param probability the model's probability of the span's start times that of its end, each a
 *     softmax over the tokens of the window the span came from, as in training (0 when there was no
 *     span, {@link Double#NaN} when not from a model)
 */
public record SpanPrediction(String text, int start, int end, double score, double probability) {}
