package dev.skillnet.convert.trim;

import java.util.Objects;

/**
 * How to cut an encoder.
 *
 * @param layers keep the lowest this many Transformer layers; 0 keeps them all
 * @param vocabulary which wordpieces to keep
 */
public record Trim(int layers, VocabularyCut vocabulary) {

    /** Cuts nothing. */
    public static final Trim NONE = new Trim(0, VocabularyCut.ALL);

    /** Checks the values. */
    public Trim {
        Objects.requireNonNull(vocabulary, "vocabulary");
        if (layers < 0) {
            throw new IllegalArgumentException("layers must be positive, got " + layers);
        }
    }

    /** @return whether this cuts nothing */
    public boolean isNone() {
        return layers == 0 && vocabulary == VocabularyCut.ALL;
    }
}
