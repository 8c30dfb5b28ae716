package dev.skillnet.tasks.kinds;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.skillnet.data.Answer;
import dev.skillnet.data.Source;
import dev.skillnet.data.SpanExample;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Choosing the answer span over all windows of a question. */
class SpanDecodeTest {

    private static final String CONTEXT = "甲乙丙丁戊己庚辛";
    private static final LabelSet NONE = new LabelSet(List.of());

    private final TaskKind<SpanExample, SpanPrediction> kind = TaskKind.span();

    private static SpanExample example(String id) {
        return new SpanExample(id, "a", CONTEXT, "问", List.of(new Answer("己庚", 5)),
                new Source(Path.of("dev.json"), 1));
    }

    /**
     * A window {@code [CLS] 问 [SEP] context[from..to) [SEP]} with one token per context character.
     */
    private static Feature window(int from, int to, int example) {
        int n = 3 + (to - from) + 1;
        int[] words = new int[n];
        int[] seq = new int[n];
        int[] start = new int[n];
        int[] end = new int[n];
        java.util.Arrays.fill(words, -1);
        java.util.Arrays.fill(seq, -1);
        java.util.Arrays.fill(start, -1);
        java.util.Arrays.fill(end, -1);
        seq[1] = 0;
        start[1] = 0;
        end[1] = 1;
        for (int c = from; c < to; c++) {
            int t = 3 + c - from;
            seq[t] = 1;
            start[t] = c;
            end[t] = c + 1;
        }
        return new Feature(KindFixtures.encoded(words, seq, start, end), new int[] {0, 0}, example);
    }

    /**
     * [T * 2] logits of a window: the given start and end logits at the given context chars, -10
     * at the other context tokens.
     */
    private static float[] logits(Feature w, int from, float[][] startAt, float[][] endAt) {
        float[] out = new float[w.length() * 2];
        java.util.Arrays.fill(out, -10f);
        // [CLS] and the question token look best of all; they must never be chosen.
        out[0] = 50;
        out[1] = 50;
        out[2] = 40;
        out[3] = 40;
        for (float[] s : startAt) {
            out[2 * (3 + (int) s[0] - from)] = s[1];
        }
        for (float[] e : endAt) {
            out[2 * (3 + (int) e[0] - from) + 1] = e[1];
        }
        return out;
    }

    @Test
    void picksTheBestLegalSpanAcrossWindows() {
        Feature w1 = window(0, 5, 0); // chars 0..4
        Feature w2 = window(3, 8, 0); // chars 3..7
        // Window 1: best legal pair is start 1 (3) + end 2 (2) = 5.
        float[] l1 = logits(w1, 0, new float[][] {{1, 3}}, new float[][] {{2, 2}});
        // Window 2: start 7 + end 4 = 18 is illegal (end before start); start 5 (4) + end 6 (4) = 8.
        // Across windows 8 beats 5.
        float[] l2 = logits(w2, 3, new float[][] {{5, 4}, {7, 9}}, new float[][] {{6, 4}, {4, 9}});
        SpanPrediction p = kind.decoder().decode(List.of(example("q")), List.of(w1, w2), List.of(l1, l2), NONE,
                KindFixtures.span(16, 4, 10)).get(0);
        assertSpan("己庚", 5, 7, 8.0, p);
    }

    @Test
    void respectsTheMaximumAnswerLength() {
        Feature w = window(0, 8, 0);
        // Pairs: 0..7 scores 12 (8 tokens), 2..7 scores 9 (6 tokens), 0..3 scores 7 (4 tokens).
        float[] l = logits(w, 0, new float[][] {{0, 6}, {2, 3}}, new float[][] {{7, 6}, {3, 1}});
        assertSpan(CONTEXT, 0, 8, 12.0, decode(w, l, 8));
        assertSpan("丙丁戊己庚辛", 2, 8, 9.0, decode(w, l, 7));
        assertSpan("甲乙丙丁", 0, 4, 7.0, decode(w, l, 5));
    }

    /** Checks text, offsets and score (the probability has its own test). */
    private static void assertSpan(String text, int start, int end, double score, SpanPrediction p) {
        assertEquals(List.of(text, start, end, score), List.of(p.text(), p.start(), p.end(), p.score()));
    }

    private SpanPrediction decode(Feature w, float[] logits, int maxAnswerLength) {
        return kind.decoder().decode(List.of(example("q")), List.of(w), List.of(logits), NONE,
                KindFixtures.span(16, 4, maxAnswerLength)).get(0);
    }

    @Test
    void groupsWindowsByTheirExample() {
        Feature a = window(0, 4, 0);
        Feature b = window(0, 4, 1);
        Feature a2 = window(4, 8, 0);
        float[] la = logits(a, 0, new float[][] {{0, 1}}, new float[][] {{0, 1}});
        float[] lb = logits(b, 0, new float[][] {{1, 2}}, new float[][] {{2, 2}});
        float[] la2 = logits(a2, 4, new float[][] {{6, 5}}, new float[][] {{6, 5}});
        List<SpanPrediction> p = kind.decoder().decode(List.of(example("a"), example("b")), List.of(a, b, a2),
                List.of(la, lb, la2), NONE, KindFixtures.span(16, 4, 10));
        assertEquals("庚", p.get(0).text());
        assertEquals("乙丙", p.get(1).text());
    }

    @Test
    void givesTheSpansProbabilityUnderItsWindowsSoftmax() {
        // Window [CLS] 问 [SEP] 甲乙 [SEP]: 6 tokens. Start logits ln 3 at 甲 and 0 elsewhere, so
        // P(start = 甲) = 3 / (3 + 5) = 3/8; end logits ln 5 at 乙 and 0 elsewhere, so
        // P(end = 乙) = 5 / (5 + 5) = 1/2. The span 甲乙 has probability 3/16 and score ln 15.
        Feature w = window(0, 2, 0);
        float[] l = new float[w.length() * 2];
        l[2 * 3] = (float) Math.log(3);
        l[2 * 4 + 1] = (float) Math.log(5);
        SpanPrediction p = decode(w, l, 5);
        assertEquals("甲乙", p.text());
        assertEquals(3.0 / 16, p.probability(), 1e-6);
        assertEquals(Math.log(15), p.score(), 1e-6);
    }
}
