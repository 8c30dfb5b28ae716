package dev.skillnet.data;

/**
 * One source of a split: a file, or a seeded fraction of it.
 *
 * <p>When the range is not the whole file (or a seed is given), the file's examples (or, with
 * {@code byArticle}, its articles) are shuffled by a Fisher-Yates shuffle driven by {@code new
 * java.util.Random(seed)} (for i from n-1 down to 1, swap i with {@code nextInt(i + 1)}), and the
 * items from {@code floor(from * n)} to {@code floor(to * n)} (exclusive) are kept. The same seed
 * with complementary ranges therefore splits a file into disjoint parts.
 *
 * @param file the file name, relative to the data directory
 * @param from start of the kept fraction, in [0, 1)
 * @param to end of the kept fraction, in (from, 1]
 * @param seed the shuffle seed, or {@code null} to keep file order (whole file only)
 * @param byArticle whether to shuffle and cut whole articles (squad only), so that no passage is
 *     on both sides of a split
 */
public record SplitSource(String file, double from, double to, Long seed, boolean byArticle) {

    /**
     * @param file a file name
     * @return a source taking the whole file in order
     */
    public static SplitSource whole(String file) {
        return new SplitSource(file, 0.0, 1.0, null, false);
    }

    /** @return whether the file is taken whole and in order */
    public boolean isWholeInOrder() {
        return seed == null && from == 0.0 && to == 1.0;
    }
}
