package dev.skillnet.data;

/**
 * A classification example: one text or a text pair with its label.
 *
 * @param text the text (first segment)
 * @param textPair the second segment, or {@code null} for single-text tasks
 * @param label the label as written in the data
 * @param source where it came from
 */
public record TextExample(String text, String textPair, String label, Source source) {}
