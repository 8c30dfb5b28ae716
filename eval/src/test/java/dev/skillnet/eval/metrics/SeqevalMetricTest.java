package dev.skillnet.eval.metrics;

import dev.skillnet.core.TagScheme;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SeqevalMetricTest {

    private static SeqevalResult bio(List<List<String>> gold, List<List<String>> pred) {
        return SeqevalMetric.evaluate(gold, pred, TagScheme.BIO);
    }

    @Test
    void seqevalDocstringExample() {
        // seqeval's own example: MISC span is off by one, PER is right -> P = R = F1 = 1/2
        SeqevalResult r = bio(
                List.of(List.of("O", "O", "O", "B-MISC", "I-MISC", "I-MISC", "O"),
                        List.of("B-PER", "I-PER", "O")),
                List.of(List.of("O", "O", "B-MISC", "I-MISC", "I-MISC", "I-MISC", "O"),
                        List.of("B-PER", "I-PER", "O")));
        assertEquals(new Prf(1, 2, 2), r.micro());
        assertEquals(0.5, r.micro().f1(), 1e-12);
        assertEquals(Map.of("MISC", new Prf(0, 1, 1), "PER", new Prf(1, 1, 1)), r.perType());
        assertEquals(2, r.sentences());
    }

    @Test
    void microAndPerTypeCounts() {
        // gold: PER[0,2) LOC[3,4) ORG[5,6) PER[7,8)  -> 4
        // pred: PER[0,2) LOC[3,4) ORG[6,7)           -> 3, of which 2 correct
        // P = 2/3, R = 2/4, F1 = (2/3)/(7/6) = 4/7
        // PER (1,1,2): F1 = 2/3; LOC (1,1,1): 1; ORG (0,1,1): 0
        SeqevalResult r = bio(
                List.of(List.of("B-PER", "I-PER", "O", "B-LOC", "O", "B-ORG", "O", "B-PER")),
                List.of(List.of("B-PER", "I-PER", "O", "B-LOC", "O", "O", "B-ORG", "O")));
        assertEquals(new Prf(2, 3, 4), r.micro());
        assertEquals(4.0 / 7, r.micro().f1(), 1e-12);
        assertEquals(List.of("LOC", "ORG", "PER"), List.copyOf(r.perType().keySet()));
        assertEquals(2.0 / 3, r.perType().get("PER").f1(), 1e-12);
        assertEquals(1.0, r.perType().get("LOC").f1(), 1e-12);
        assertEquals(0.0, r.perType().get("ORG").f1(), 1e-12);
        assertEquals(2, r.perType().get("PER").support());

        Score s = r.toScore();
        assertEquals("f1", s.metric());
        assertEquals(400.0 / 7, s.value(), 1e-9);
        assertEquals(1, s.n());
        assertEquals(200.0 / 3, s.extras().get("precision"), 1e-9);
        assertEquals(50.0, s.extras().get("recall"), 1e-9);
        assertEquals(200.0 / 3, s.extras().get("f1/PER"), 1e-9);
    }

    @Test
    void allOPredictionScoresZeroWithoutDividingByZero() {
        // nothing predicted: P = 0/0 -> 0, R = 0/2 = 0, F1 -> 0
        SeqevalResult r = bio(
                List.of(List.of("B-PER", "O", "B-LOC")), List.of(List.of("O", "O", "O")));
        assertEquals(new Prf(0, 0, 2), r.micro());
        assertEquals(0.0, r.micro().precision());
        assertEquals(0.0, r.micro().f1());
        assertEquals(new Prf(0, 0, 1), r.perType().get("PER"));
    }

    @Test
    void allOOnBothSidesIsZeroAndHasNoTypes() {
        SeqevalResult r = bio(List.of(List.of("O", "O")), List.of(List.of("O", "O")));
        assertEquals(new Prf(0, 0, 0), r.micro());
        assertEquals(0.0, r.micro().f1());
        assertTrue(r.perType().isEmpty());
    }

    @Test
    void emptySentencesAreAllowed() {
        SeqevalResult r = bio(
                List.of(List.of(), List.of("B-PER"), List.of()),
                List.of(List.of(), List.of("B-PER"), List.of()));
        assertEquals(new Prf(1, 1, 1), r.micro());
        assertEquals(1.0, r.micro().f1());
        assertEquals(3, r.sentences());
    }

    @Test
    void sameSpanInAnotherSentenceIsNotAMatch() {
        // gold PER at sentence 0 position 0, predicted PER at sentence 1 position 0
        SeqevalResult r = bio(
                List.of(List.of("B-PER"), List.of("O")), List.of(List.of("O"), List.of("B-PER")));
        assertEquals(new Prf(0, 1, 1), r.micro());
    }

    @Test
    void typeChangeInsidePredictionIsRepairedAndCounted() {
        // pred B-PER I-LOC -> PER[0,1) + LOC[1,2): neither equals gold PER[0,2)
        SeqevalResult r = bio(
                List.of(List.of("B-PER", "I-PER")), List.of(List.of("B-PER", "I-LOC")));
        assertEquals(new Prf(0, 2, 1), r.micro());
        assertEquals(new Prf(0, 1, 0), r.perType().get("LOC"));
        assertEquals(0, r.goldStrayTagsRepaired());
        assertEquals(1, r.predictedStrayTagsRepaired());
    }

    @Test
    void strayIInGoldIsAlsoAnEntity() {
        // gold O I-PER -> PER[1,2) (repaired); pred O B-PER -> PER[1,2): a match
        SeqevalResult r = bio(List.of(List.of("O", "I-PER")), List.of(List.of("O", "B-PER")));
        assertEquals(new Prf(1, 1, 1), r.micro());
        assertEquals(1, r.goldStrayTagsRepaired());
        assertEquals(0, r.predictedStrayTagsRepaired());
    }

    @Test
    void bioesAndBmesSchemes() {
        // BIOES: gold S-PER B-LOC E-LOC; pred S-PER S-LOC S-LOC -> PER right, LOC split: 1/3, 1/2
        SeqevalResult bioes = SeqevalMetric.evaluate(
                List.of(List.of("S-PER", "B-LOC", "E-LOC")),
                List.of(List.of("S-PER", "S-LOC", "S-LOC")), TagScheme.BIOES);
        assertEquals(new Prf(1, 3, 2), bioes.micro());
        // BMES: both B-ORG M-ORG E-ORG -> 1/1
        SeqevalResult bmes = SeqevalMetric.evaluate(
                List.of(List.of("B-ORG", "M-ORG", "E-ORG")),
                List.of(List.of("B-ORG", "M-ORG", "E-ORG")), TagScheme.BMES);
        assertEquals(new Prf(1, 1, 1), bmes.micro());
    }

    @Test
    void badInputIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> bio(List.of(), List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> bio(List.of(List.of("O")), List.of(List.of("O"), List.of("O"))));
        IllegalArgumentException len = assertThrows(IllegalArgumentException.class,
                () -> bio(List.of(List.of("O"), List.of("O", "O")),
                        List.of(List.of("O"), List.of("O"))));
        assertTrue(len.getMessage().contains("sentence 1"), len.getMessage());
        IllegalArgumentException tag = assertThrows(IllegalArgumentException.class,
                () -> bio(List.of(List.of("S-PER")), List.of(List.of("O"))));
        assertTrue(tag.getMessage().contains("gold sentence 0"), tag.getMessage());
    }
}
