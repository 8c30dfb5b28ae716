package dev.skillnet.tasks.kinds;

import java.util.List;

/**
 * A sequence-labelling prediction.
 *
 * @param tags one tag per input character ({@code O} for characters beyond truncation or without
 *     a token)
 * @param entities the entities the tags spell (read as seqeval does), in text order
 */
public record TaggingPrediction(List<String> tags, List<EntityMention> entities) {

    /** Copies the lists. */
    public TaggingPrediction {
        tags = List.copyOf(tags);
        entities = List.copyOf(entities);
    }
}
