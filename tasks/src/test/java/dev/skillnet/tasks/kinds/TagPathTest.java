package dev.skillnet.tasks.kinds;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skillnet.core.TagScheme;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The best legal tag sequence, against an oracle that lists every sequence of tags, keeps those
 * that seqeval's own reading would not have to repair, and sums their scores.
 */
class TagPathTest {

    @Test
    void equalsTheBestLegalSequenceFoundByListingThemAll() {
        Random random = new Random(13);
        for (TagScheme scheme : TagScheme.values()) {
            LabelSet tags = TagSets.build(scheme, List.of("PER", "LOC"));
            TagTransitions transitions = TagTransitions.of(tags);
            for (int trial = 0; trial < 60; trial++) {
                int n = 1 + random.nextInt(4);
                float[][] scores = new float[n][tags.size()];
                for (float[] row : scores) {
                    for (int c = 0; c < row.length; c++) {
                        row[c] = (float) (-3 * random.nextDouble());
                    }
                }
                int[] found = TagPath.best(scores, transitions);
                assertEquals(bestByListing(scores, tags), total(scores, found), 1e-5,
                        scheme + " trial " + trial);
                assertTrue(legal(found, tags), scheme + " trial " + trial);
            }
        }
    }

    @Test
    void legalArgmaxTagsAreKept() {
        LabelSet tags = TagSets.build(TagScheme.BIO, List.of("PER"));
        float[][] scores = {
            {-0.1f, -3f, -3f}, // O
            {-3f, -0.1f, -3f}, // B-PER
            {-3f, -3f, -0.1f}, // I-PER
        };
        assertArrayEquals(new int[] {0, 1, 2}, TagPath.best(scores, TagTransitions.of(tags)));
    }

    @Test
    void aStrayInsideBecomesTheLikelierOfABeginningAndOutside() {
        LabelSet tags = TagSets.build(TagScheme.BIO, List.of("PER"));
        TagTransitions transitions = TagTransitions.of(tags);
        // I-PER after O: B-PER is second best, so the entity is kept from here.
        float[][] keep = {{-0.1f, -3f, -3f}, {-2f, -1f, -0.5f}};
        assertArrayEquals(new int[] {0, 1}, TagPath.best(keep, transitions));
        // I-PER after O: O is second best, so no entity.
        float[][] drop = {{-0.1f, -3f, -3f}, {-1f, -2f, -0.5f}};
        assertArrayEquals(new int[] {0, 0}, TagPath.best(drop, transitions));
    }

    @Test
    void noSentenceIsEmptyOfTags() {
        LabelSet tags = TagSets.build(TagScheme.BIO, List.of("PER"));
        assertArrayEquals(new int[0], TagPath.best(new float[0][], TagTransitions.of(tags)));
    }

    private static double total(float[][] scores, int[] path) {
        double sum = 0;
        for (int i = 0; i < path.length; i++) {
            sum += scores[i][path[i]];
        }
        return sum;
    }

    /** Every sequence seqeval reads without repair and, in BIOES and BMES, with every entity ended. */
    private static double bestByListing(float[][] scores, LabelSet tags) {
        int n = scores.length;
        int c = tags.size();
        double best = Double.NEGATIVE_INFINITY;
        int[] path = new int[n];
        for (long code = 0; code < Math.pow(c, n); code++) {
            long rest = code;
            for (int i = 0; i < n; i++) {
                path[i] = (int) (rest % c);
                rest /= c;
            }
            if (legal(path, tags)) {
                best = Math.max(best, total(scores, path));
            }
        }
        return best;
    }

    /** Written from the schemes' definitions, independently of {@link TagTransitions}. */
    private static boolean legal(int[] path, LabelSet tags) {
        boolean closes = TagSets.schemeOf(tags) != TagScheme.BIO;
        String open = null; // the type of the entity still open, if any
        for (int i : path) {
            String tag = tags.get(i);
            char p = tag.equals("O") ? 'O' : tag.charAt(0);
            String type = TagSets.typeOf(tag);
            if ("IME".indexOf(p) >= 0) { // a continuation
                if (!type.equals(open)) {
                    return false;
                }
            } else if (closes && open != null) {
                return false;
            }
            open = p == 'B' || p == 'I' || p == 'M' ? type : null;
        }
        return !(closes && open != null);
    }
}
