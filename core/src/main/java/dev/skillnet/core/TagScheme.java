package dev.skillnet.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A tagging scheme for sequence labelling, shared by the readers (which check tags and write
 * spans as tags) and by seqeval's metric (which chunks tags into entities). Every tag is
 * {@code O}, or a prefix letter followed by {@code -TYPE} (e.g. {@code B-PER}; seqeval also reads a
 * bare {@code B} as type {@code _}).
 */
public enum TagScheme {
    /** IOB2: {@code B-} begins, {@code I-} continues. */
    BIO("BI", "B-TYPE or I-TYPE"),
    /** IOBES: as BIO plus {@code E-} (end) and {@code S-} (single-token entity). */
    BIOES("BIES", "B-, I-, E- or S-TYPE"),
    /** BMES: {@code B-} begin, {@code M-} middle (read as {@code I-}), {@code E-} end, {@code S-} single. */
    BMES("BMES", "B-, M-, E- or S-TYPE");

    private final String prefixes;
    private final String expected;

    TagScheme(String prefixes, String expected) {
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
        return dash == 1 && dash < tag.length() - 1 && allows(tag.charAt(0));
    }

    /**
     * @param prefix a tag's first character
     * @return whether the prefix (other than {@code O}) is legal in this scheme
     */
    public boolean allows(char prefix) {
        return prefixes.indexOf(prefix) >= 0;
    }

    /**
     * Maps a legal prefix to the seqeval tag letter it behaves as ({@code M} becomes {@code I}).
     *
     * @param prefix a legal prefix of this scheme
     * @return the seqeval tag letter
     */
    public char seqevalTag(char prefix) {
        return this == BMES && prefix == 'M' ? 'I' : prefix;
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
        List<String> tags = new ArrayList<>(Collections.nCopies(length, (this == BMES ? "M" : "I") + "-" + type));
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
}
