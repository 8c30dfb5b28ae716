package dev.skillnet.eval.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClassificationMetricsTest {

    // gold a a b c, predicted a b b d
    //   a: tp 1, predicted 1, gold 2 -> P 1,   R 1/2, F1 2/3
    //   b: tp 1, predicted 2, gold 1 -> P 1/2, R 1,   F1 2/3
    //   c: tp 0, predicted 0, gold 1 -> F1 0 (zero division counts 0)
    //   d: tp 0, predicted 1, gold 0 -> F1 0
    private static final List<String> GOLD = List.of("a", "a", "b", "c");
    private static final List<String> PRED = List.of("a", "b", "b", "d");

    @Test
    void accuracyIsFractionOfExactMatches() {
        assertEquals(0.5, Accuracy.compute(GOLD, PRED), 1e-12);
        Score s = Accuracy.score(GOLD, PRED);
        assertEquals("accuracy", s.metric());
        assertEquals(50.0, s.value(), 1e-12);
        assertEquals(4, s.n());
    }

    @Test
    void macroF1AveragesOverUnionOfGoldAndPredictedLabels() {
        // (2/3 + 2/3 + 0 + 0) / 4 = 1/3; averaging over gold labels only would give 4/9
        assertEquals(1.0 / 3, MacroF1.compute(GOLD, PRED), 1e-12);
    }

    @Test
    void macroF1ScoreCarriesAccuracyAndMacroPrecisionRecall() {
        Score s = MacroF1.score(GOLD, PRED);
        assertEquals("macro_f1", s.metric());
        assertEquals(100.0 / 3, s.value(), 1e-9);
        assertEquals(50.0, s.extras().get("accuracy"), 1e-9);
        // precision (1 + 1/2 + 0 + 0) / 4 = 3/8; recall (1/2 + 1 + 0 + 0) / 4 = 3/8
        assertEquals(37.5, s.extras().get("macro_precision"), 1e-9);
        assertEquals(37.5, s.extras().get("macro_recall"), 1e-9);
    }

    @Test
    void labelsInNeitherListDoNotDragTheAverageDown() {
        // only x and y occur; both perfect -> 1.0 (no phantom class with F1 0)
        assertEquals(1.0, MacroF1.compute(List.of("x", "x", "y"), List.of("x", "x", "y")));
    }

    @Test
    void classReportHasOneSortedRowPerLabelInUnion() {
        Map<String, Prf> report = ClassReport.compute(GOLD, PRED);
        assertEquals(List.of("a", "b", "c", "d"), List.copyOf(report.keySet()));
        assertEquals(new Prf(1, 1, 2), report.get("a"));
        assertEquals(new Prf(1, 2, 1), report.get("b"));
        assertEquals(new Prf(0, 0, 1), report.get("c"));
        assertEquals(new Prf(0, 1, 0), report.get("d"));
        assertEquals(2.0 / 3, report.get("a").f1(), 1e-12);
        assertEquals(0.5, report.get("b").precision(), 1e-12);
        assertEquals(1, report.get("c").support());
    }

    @Test
    void majorityBaselinePredictsMostFrequentTrainLabel() {
        // train: neg 3, pos 2 -> always "neg"; test gold has neg in 1 of 4 -> 0.25
        MajorityBaseline b = MajorityBaseline.compute(
                List.of("pos", "neg", "neg", "pos", "neg"), List.of("pos", "neg", "pos", "pos"));
        assertEquals("neg", b.label());
        assertEquals(0.25, b.accuracy(), 1e-12);
        assertEquals(25.0, b.toScore().value(), 1e-12);
        assertEquals(4, b.toScore().n());
    }

    @Test
    void majorityBaselineBreaksTiesBySmallestLabel() {
        // b and a both occur twice -> "a" whatever the order; test gold a b a c -> 2/4
        for (List<String> train : List.of(List.of("b", "a", "b", "a", "c"), List.of("a", "b", "a", "b"))) {
            MajorityBaseline m = MajorityBaseline.compute(train, List.of("a", "b", "a", "c"));
            assertEquals("a", m.label());
            assertEquals(0.5, m.accuracy(), 1e-12);
        }
    }

    @Test
    void mismatchedLengthsAreRejectedWithBothSizes() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> Accuracy.compute(List.of("a", "b"), List.of("a")));
        assertTrue(e.getMessage().contains("2") && e.getMessage().contains("1"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> MacroF1.compute(List.of("a"), List.of("a", "b")));
        assertThrows(IllegalArgumentException.class,
                () -> ClassReport.compute(List.of("a"), List.of()));
    }

    @Test
    void emptyOrNullInputIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Accuracy.compute(List.of(), List.of()));
        assertThrows(IllegalArgumentException.class, () -> MacroF1.compute(List.of(), List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> MajorityBaseline.compute(List.of(), List.of("a")));
        assertThrows(IllegalArgumentException.class,
                () -> MajorityBaseline.compute(List.of("a"), List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> Accuracy.compute(java.util.Arrays.asList("a", null), List.of("a", "b")));
    }
}
