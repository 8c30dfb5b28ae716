package dev.skillnet.tasks.kinds;

import dev.skillnet.core.TagScheme;

/**
 * Which tag may follow which in a tag set's scheme, so that decoding never predicts a sequence the
 * scheme cannot write. A continuation tag ({@code I-X}, {@code M-X}, {@code E-X}) may only follow an
 * open entity of its own type ({@code B-X}, {@code I-X} or {@code M-X}); in BIOES and BMES an open
 * entity must be continued or ended ({@code E-X}) before anything else, and no sentence ends inside
 * one. In BIO an entity ends wherever the next tag is not its continuation.
 */
final class TagTransitions {

    private final boolean[][] follows;
    private final boolean[] starts;
    private final boolean[] ends;

    private TagTransitions(boolean[][] follows, boolean[] starts, boolean[] ends) {
        this.follows = follows;
        this.starts = starts;
        this.ends = ends;
    }

    /**
     * @param tags a tag set built by {@link TagSets#build}, {@code O} first
     * @return its legal transitions, in the scheme {@link TagSets#schemeOf} reads from it
     */
    static TagTransitions of(LabelSet tags) {
        TagScheme scheme = TagSets.schemeOf(tags);
        boolean mustClose = scheme != TagScheme.BIO;
        int n = tags.size();
        boolean[][] follows = new boolean[n][n];
        boolean[] starts = new boolean[n];
        boolean[] ends = new boolean[n];
        for (int next = 0; next < n; next++) {
            String to = tags.get(next);
            starts[next] = !continues(to);
            ends[next] = !(mustClose && open(to));
            for (int prev = 0; prev < n; prev++) {
                String from = tags.get(prev);
                boolean sameOpenEntity = open(from) && TagSets.typeOf(from).equals(TagSets.typeOf(to));
                follows[prev][next] = continues(to) ? sameOpenEntity : !(mustClose && open(from));
            }
        }
        return new TagTransitions(follows, starts, ends);
    }

    /** @return whether tag {@code next} may directly follow tag {@code prev} */
    boolean follows(int prev, int next) {
        return follows[prev][next];
    }

    /** @return whether a sentence may start with {@code tag} */
    boolean starts(int tag) {
        return starts[tag];
    }

    /** @return whether a sentence may end with {@code tag} */
    boolean ends(int tag) {
        return ends[tag];
    }

    /** @return the number of tags */
    int size() {
        return starts.length;
    }

    /** {@code I-}, {@code M-} and {@code E-} continue an entity. */
    private static boolean continues(String tag) {
        char p = tag.charAt(0);
        return !tag.equals("O") && (p == 'I' || p == 'M' || p == 'E');
    }

    /** {@code B-}, {@code I-} and {@code M-} leave an entity open after them. */
    private static boolean open(String tag) {
        char p = tag.charAt(0);
        return !tag.equals("O") && (p == 'B' || p == 'I' || p == 'M');
    }
}
