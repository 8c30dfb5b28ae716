package dev.skillnet.tasks.kinds;

import dev.skillnet.eval.metrics.Entity;
import dev.skillnet.eval.metrics.EntityExtractor;
import dev.skillnet.core.TagScheme;
import java.util.ArrayList;
import java.util.List;

/** Turns per-character tags into entities with character offsets in the original text. */
final class EntityMentions {

    private EntityMentions() {}

    /**
     * @param chars the characters; each may be more than one Java char (a non-BMP code point)
     * @param tags one tag per character
     * @param scheme the tagging scheme
     * @return the entities seqeval reads from the tags, with Java char offsets into {@code
     *     String.join("", chars)}
     */
    static List<EntityMention> of(List<String> chars, List<String> tags, TagScheme scheme) {
        int[] offset = new int[chars.size() + 1];
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < chars.size(); i++) {
            text.append(chars.get(i));
            offset[i + 1] = text.length();
        }
        List<EntityMention> out = new ArrayList<>();
        for (Entity e : EntityExtractor.entities(tags, scheme)) {
            int start = offset[e.start()];
            int end = offset[e.endExclusive()];
            out.add(new EntityMention(e.type(), start, end, text.substring(start, end)));
        }
        return out;
    }
}
