package dev.skillnet.eval.metrics;

import dev.skillnet.core.TagScheme;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Turns a tag sequence into entity spans exactly as seqeval's default mode ({@code
 * seqeval.metrics.sequence_labeling.get_entities}, conlleval-style) does: a chunk ends or starts
 * between two tags according to seqeval's {@code end_of_chunk} / {@code start_of_chunk} rules, and
 * a continuation tag that does not continue an entity of its own type starts a new entity.
 */
public final class EntityExtractor {

    private EntityExtractor() {}

    /**
     * Extracts the entities of one sentence.
     *
     * @param tags the tags, one per token (may be empty)
     * @param scheme the tagging scheme, which decides the legal prefixes
     * @return the entities in order and the number of stray continuation tags repaired
     * @throws IllegalArgumentException if a tag is {@code null}, blank or not legal in {@code scheme}
     */
    public static EntityExtraction extract(List<String> tags, TagScheme scheme) {
        Objects.requireNonNull(tags, "tags");
        Objects.requireNonNull(scheme, "scheme");
        List<Entity> entities = new ArrayList<>();
        int stray = 0;
        char prevTag = 'O';
        String prevType = "";
        int begin = 0;
        // One extra "O" after the end closes an entity that runs to the last token.
        for (int i = 0; i <= tags.size(); i++) {
            char tag;
            String type;
            if (i == tags.size()) {
                tag = 'O';
                type = "_";
            } else {
                String chunk = tags.get(i);
                tag = tagLetter(chunk, scheme, i);
                type = typeOf(chunk);
            }
            if (endOfChunk(prevTag, tag, prevType, type)) {
                entities.add(new Entity(prevType, begin, i));
            }
            if (startOfChunk(prevTag, tag, prevType, type)) {
                begin = i;
                if (tag == 'I' || tag == 'E') {
                    stray++;
                }
            }
            prevTag = tag;
            prevType = type;
        }
        return new EntityExtraction(entities, stray);
    }

    /**
     * The entity spans of one sentence, for callers that do not need the repair count.
     *
     * @param tags the tags, one per token
     * @param scheme the tagging scheme
     * @return the entities in order of their start
     * @throws IllegalArgumentException as {@link #extract(List, TagScheme)}
     */
    public static List<Entity> entities(List<String> tags, TagScheme scheme) {
        return extract(tags, scheme).entities();
    }

    /** The seqeval tag letter of a tag: its first character, with M read as I in BMES. */
    private static char tagLetter(String chunk, TagScheme scheme, int index) {
        if (chunk == null || chunk.isBlank()) {
            throw new IllegalArgumentException("tag at position " + index + " is null or blank");
        }
        if (chunk.equals("O")) {
            return 'O';
        }
        char prefix = chunk.charAt(0);
        boolean wellFormed = chunk.length() == 1 || chunk.charAt(1) == '-';
        if (!wellFormed || !scheme.allows(prefix)) {
            throw new IllegalArgumentException(
                    "tag '" + chunk + "' at position " + index + " is not a " + scheme
                            + " tag (expected O or one of the prefixes of " + scheme
                            + " followed by -TYPE)");
        }
        return scheme.seqevalTag(prefix);
    }

    /** seqeval: {@code chunk[1:].split('-', maxsplit=1)[-1] or '_'}, for validated tags. */
    private static String typeOf(String chunk) {
        String type = chunk.length() > 2 ? chunk.substring(2) : "";
        return type.isEmpty() ? "_" : type;
    }

    /** seqeval's {@code end_of_chunk}: did a chunk end just before the current tag? */
    static boolean endOfChunk(char prevTag, char tag, String prevType, String type) {
        if (prevTag == 'E' || prevTag == 'S') {
            return true;
        }
        if ((prevTag == 'B' || prevTag == 'I') && (tag == 'B' || tag == 'S' || tag == 'O')) {
            return true;
        }
        return prevTag != 'O' && prevTag != '.' && !prevType.equals(type);
    }

    /** seqeval's {@code start_of_chunk}: does a chunk start at the current tag? */
    static boolean startOfChunk(char prevTag, char tag, String prevType, String type) {
        if (tag == 'B' || tag == 'S') {
            return true;
        }
        if ((prevTag == 'E' || prevTag == 'S' || prevTag == 'O') && (tag == 'E' || tag == 'I')) {
            return true;
        }
        return tag != 'O' && tag != '.' && !prevType.equals(type);
    }
}
