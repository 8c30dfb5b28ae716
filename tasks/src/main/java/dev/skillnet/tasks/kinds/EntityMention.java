package dev.skillnet.tasks.kinds;

/**
 * A predicted entity in the original text.
 *
 * @param type the entity type, e.g. {@code PER}
 * @param start its start, a Java char offset into the concatenated characters
 * @param end its end (exclusive), a Java char offset
 * @param text the entity's text, {@code text.substring(start, end)}
 */
public record EntityMention(String type, int start, int end, String text) {}
