package dev.skillnet.eval.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CmrcMetricTest {

    @Test
    void exactAnswer() {
        assertEquals(1.0, CmrcMetric.f1(List.of("北京"), "北京"), 1e-12);
        assertTrue(CmrcMetric.exactMatch(List.of("北京"), "北京"));
    }

    @Test
    void partialOverlap() {
        // answer 北 京 大 学 (4), prediction 北 京 (2): LCS 2, P = 1, R = 1/2, F1 = 2/3
        assertEquals(2.0 / 3, CmrcMetric.f1(List.of("北京大学"), "北京"), 1e-12);
        assertFalse(CmrcMetric.exactMatch(List.of("北京大学"), "北京"));
    }

    @Test
    void overlapIsTheLongestContiguousRunNotASubsequence() {
        // answer 甲乙丙丁 (4), prediction 甲丙丁 (3): longest common run 丙丁 = 2 (subsequence would be 3)
        // P = 2/3, R = 2/4, F1 = (2/3)/(7/6) = 4/7
        assertEquals(4.0 / 7, CmrcMetric.f1(List.of("甲乙丙丁"), "甲丙丁"), 1e-12);
    }

    @Test
    void englishWordsInsideChineseAreWholeSegments() {
        // answer: 苹 果 公 司 ceo tim cook (7); prediction: tim cook (2)
        // LCS 2, P = 1, R = 2/7, F1 = (4/7)/(9/7) = 4/9
        assertEquals(4.0 / 9, CmrcMetric.f1(List.of("苹果公司CEO Tim Cook"), "Tim Cook"), 1e-12);
        // a half-matching word is no match at all: [iphonex] vs [iphone, x]
        assertEquals(0.0, CmrcMetric.f1(List.of("iPhone X"), "iphonex"));
        assertTrue(CmrcMetric.exactMatch(List.of("iPhone X"), "iphone x"));
        assertFalse(CmrcMetric.exactMatch(List.of("iPhone X"), "iphonex"));
    }

    @Test
    void punctuationOnlyAnswer() {
        // both sides segment to nothing: LCS 0 -> F1 0, but both strip to "" -> EM 1
        assertEquals(0.0, CmrcMetric.f1(List.of("。"), "，"));
        assertTrue(CmrcMetric.exactMatch(List.of("。"), "，"));
        assertFalse(CmrcMetric.exactMatch(List.of("。"), "北京"));
    }

    @Test
    void punctuationIsIgnoredByBothMetrics() {
        assertTrue(CmrcMetric.exactMatch(List.of("《红楼梦》"), "红楼梦"));
        assertEquals(1.0, CmrcMetric.f1(List.of("《红楼梦》"), "红楼梦。"), 1e-12);
    }

    @Test
    void ellipsisIsNotInThePunctuationList() {
        // answer 北 京 …… (3), prediction 北 京 (2): P = 1, R = 2/3, F1 = (4/3)/(5/3) = 0.8
        assertEquals(0.8, CmrcMetric.f1(List.of("北京……"), "北京"), 1e-12);
        assertFalse(CmrcMetric.exactMatch(List.of("北京……"), "北京"));
    }

    @Test
    void emptyPredictionScoresZero() {
        assertEquals(0.0, CmrcMetric.f1(List.of("北京"), ""));
        assertFalse(CmrcMetric.exactMatch(List.of("北京"), ""));
    }

    @Test
    void bestOverMultipleGoldAnswers() {
        // vs 北京大学: LCS 北京大 = 3, P = 1, R = 3/4 -> 6/7; vs 北京市: LCS 2, P = R = 2/3 -> 2/3
        assertEquals(6.0 / 7, CmrcMetric.f1(List.of("北京大学", "北京市"), "北京大"), 1e-12);
        assertEquals(6.0 / 7, CmrcMetric.f1(List.of("北京市", "北京大学"), "北京大"), 1e-12);
        assertFalse(CmrcMetric.exactMatch(List.of("北京大学", "北京市"), "北京大"));
        assertTrue(CmrcMetric.exactMatch(List.of("北京大学", "北京市"), " 北京市 "));
    }

    @Test
    void evaluateAveragesOverAllQuestionsInPercent() {
        // q0: exact (F1 1, EM 1); q1: 2/3, EM 0; q2: unanswered (0, 0, skipped)
        // F1 = 100 * (1 + 2/3) / 3 = 500/9; EM = 100/3; AVERAGE = (500/9 + 300/9) / 2 = 400/9
        CmrcResult r = CmrcMetric.evaluate(
                List.of(List.of("北京"), List.of("北京大学"), List.of("上海")),
                Arrays.asList("北京", "北京", null));
        assertEquals(500.0 / 9, r.f1(), 1e-9);
        assertEquals(100.0 / 3, r.em(), 1e-9);
        assertEquals(400.0 / 9, r.average(), 1e-9);
        assertEquals(3, r.total());
        assertEquals(1, r.skipped());
        Score s = r.toScore();
        assertEquals("f1", s.metric());
        assertEquals(500.0 / 9, s.value(), 1e-9);
        assertEquals(100.0 / 3, s.extras().get("em"), 1e-9);
        assertEquals(3, s.n());
    }

    @Test
    void badInputIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> CmrcMetric.f1(List.of(), "北京"));
        assertThrows(IllegalArgumentException.class,
                () -> CmrcMetric.exactMatch(Arrays.asList("北京", null), "北京"));
        assertThrows(IllegalArgumentException.class, () -> CmrcMetric.f1(List.of("北京"), null));
        assertThrows(IllegalArgumentException.class,
                () -> CmrcMetric.evaluate(List.of(), List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> CmrcMetric.evaluate(List.of(List.of("a")), List.of("a", "b")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CmrcMetric.evaluate(List.of(List.of("a"), List.of()), List.of("a", "b")));
        assertTrue(e.getMessage().contains("question 1"), e.getMessage());
    }
}
