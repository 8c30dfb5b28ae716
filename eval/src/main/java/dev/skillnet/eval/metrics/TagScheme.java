package dev.skillnet.eval.metrics;

/**
 * A tagging scheme for sequence labelling. Every tag is {@code O}, or a prefix letter optionally
 * followed by {@code -TYPE} (e.g. {@code B-PER}; a bare {@code B} has type {@code _}, as in
 * seqeval). The scheme only decides which prefixes are legal and, for BMES, that {@code M} means
 * inside; chunking itself follows seqeval's default mode for all schemes.
 */
public enum TagScheme {
    /** IOB2: {@code B-} begins, {@code I-} continues. */
    BIO("BI"),
    /** IOBES: as BIO plus {@code E-} (end) and {@code S-} (single-token entity). */
    BIOES("BIES"),
    /** BMES: {@code B-} begin, {@code M-} middle (treated as {@code I-}), {@code E-} end, {@code S-} single. */
    BMES("BMES");

    private final String prefixes;

    TagScheme(String prefixes) {
        this.prefixes = prefixes;
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
    char seqevalTag(char prefix) {
        return this == BMES && prefix == 'M' ? 'I' : prefix;
    }
}
