package dev.skillnet.inference;

import java.util.Objects;

/**
 * The input of a text-pair task (similarity, inference).
 *
 * @param text the first text
 * @param textPair the second text
 */
public record TextPair(String text, String textPair) {

    /** Rejects missing texts. */
    public TextPair {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(textPair, "textPair");
    }
}
