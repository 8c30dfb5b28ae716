package dev.skillnet.eval.metrics;

import java.util.Objects;

/**
 * A labelled span over token positions.
 *
 * @param type the entity type, e.g. {@code PER} ({@code _} for a tag without type)
 * @param start index of the first token
 * @param endExclusive index one past the last token
 */
public record Entity(String type, int start, int endExclusive) {

    /** Checks that the span is non-empty and within non-negative positions. */
    public Entity {
        Objects.requireNonNull(type, "type");
        if (start < 0 || endExclusive <= start) {
            throw new IllegalArgumentException(
                    "bad entity span [" + start + ", " + endExclusive + ") for type " + type);
        }
    }

    /** @return the number of tokens the entity covers */
    public int length() {
        return endExclusive - start;
    }
}
