package dev.skillnet.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/** Tagging schemes for entity spans: each tag is {@code O} or {@code PREFIX-TYPE}. */
public enum TagScheme {
    /** B(egin), I(nside), O(utside). */
    BIO(Set.of("B", "I"), "B-TYPE or I-TYPE"),
    /** B, I, O, E(nd), S(ingle). */
    BIOES(Set.of("B", "I", "E", "S"), "B-, I-, E- or S-TYPE"),
    /** B, M(iddle), E(nd), S(ingle), plus O. */
    BMES(Set.of("B", "M", "E", "S"), "B-, M-, E- or S-TYPE");

    private final Set<String> prefixes;
    private final String expected;

    TagScheme(Set<String> prefixes, String expected) {
        this.prefixes = prefixes;
        this.expected = expected;
    }

    /**
     * Whether a tag belongs to this scheme.
     *
     * @param tag the tag
     * @return {@code true} for {@code O} and {@code PREFIX-TYPE} with a known prefix and a
     *     non-empty type
     */
    public boolean accepts(String tag) {
        if (tag.equals("O")) {
            return true;
        }
        int dash = tag.indexOf('-');
        return dash > 0 && dash < tag.length() - 1 && prefixes.contains(tag.substring(0, dash));
    }

    /** @return a description of valid tags, for messages */
    public String expected() {
        return "O or " + expected;
    }

    /**
     * The tags of one entity span.
     *
     * @param type the entity type
     * @param length the span length, at least 1
     * @return the tags of its characters
     */
    public List<String> spanTags(String type, int length) {
        List<String> tags = new ArrayList<>(Collections.nCopies(length, inner() + "-" + type));
        if (this == BIO) {
            tags.set(0, "B-" + type);
        } else if (length == 1) {
            tags.set(0, "S-" + type);
        } else {
            tags.set(0, "B-" + type);
            tags.set(length - 1, "E-" + type);
        }
        return tags;
    }

    private String inner() {
        return this == BMES ? "M" : "I";
    }
}
