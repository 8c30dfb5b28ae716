package dev.skillnet.eval.metrics;

import java.util.List;

/**
 * The entities found in one tag sequence and how many ill-formed tags had to be repaired.
 *
 * @param entities the entities in order of their start position
 * @param strayTagsRepaired the number of continuation tags ({@code I-}, {@code M-} or {@code E-})
 *     that did not continue an entity of the same type and so started a new entity, as seqeval
 *     does (e.g. the {@code I-PER} in {@code O I-PER} or in {@code B-LOC I-PER})
 */
public record EntityExtraction(List<Entity> entities, int strayTagsRepaired) {

    /** Freezes the entity list. */
    public EntityExtraction {
        entities = List.copyOf(entities);
        if (strayTagsRepaired < 0) {
            throw new IllegalArgumentException("strayTagsRepaired must be >= 0");
        }
    }
}
