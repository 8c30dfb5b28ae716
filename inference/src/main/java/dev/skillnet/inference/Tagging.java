package dev.skillnet.inference;

import java.util.List;

/**
 * A text tagged by a sequence-labelling task.
 *
 * @param entities the entities, in order of their start
 * @param tags one tag per character (code point) of the input, as the head predicted them
 */
public record Tagging(List<Entity> entities, List<String> tags) {

    /** Copies both lists. */
    public Tagging {
        entities = List.copyOf(entities);
        tags = List.copyOf(tags);
    }
}
