package dev.skillnet.inference;

/**
 * A named entity found by a tagging task.
 *
 * @param text the entity, {@code input.substring(start, end)}
 * @param type its type, e.g. {@code PER}
 * @param start its start in the input, a Java char offset
 * @param end its end (exclusive), a Java char offset
 */
public record Entity(String text, String type, int start, int end) {}
