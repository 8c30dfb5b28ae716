package dev.skillnet.inference;

/**
 * A reading-comprehension answer: a span of the passage.
 *
 * @param text the answer, {@code context.substring(start, end)}; empty only for an empty passage
 * @param start its start in the passage, a Java char offset
 * @param end its end (exclusive), a Java char offset
 * @param probability the model's probability of the span's start times that of its end, each a
 *     softmax over the tokens of the passage window the span came from (0 for an empty passage)
 */
public record Answer(String text, int start, int end, double probability) {}
