package dev.skillnet.tasks.kinds;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.skillnet.data.Answer;
import dev.skillnet.data.Source;
import dev.skillnet.data.SpanExample;
import dev.skillnet.eval.metrics.Score;
import dev.skillnet.model.heads.HeadKind;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CMRC F1 / EM scoring, the majority-answer baseline, and predict input and output. */
class SpanScoreTest {

    private static final LabelSet NONE = new LabelSet(List.of());

    private final TaskKind<SpanExample, SpanPrediction> kind = TaskKind.span();

    private static SpanExample example(String... answers) {
        List<Answer> list = java.util.Arrays.stream(answers).map(a -> new Answer(a, -1)).toList();
        List<Answer> located = new java.util.ArrayList<>(list);
        located.set(0, new Answer(answers[0], 0));
        return new SpanExample("q", "a", String.join("", answers), "问", located,
                new Source(Path.of("dev.json"), 1));
    }

    private static SpanPrediction answer(String text) {
        return new SpanPrediction(text, 0, text.length(), 1.0, 0.5);
    }

    @Test
    void scoresCmrcF1WithEmExtraAgainstEveryReferenceAnswer() {
        // Q1 matches the second (unlocated) reference exactly; Q2 shares one of two characters.
        List<SpanExample> gold = List.of(example("北京市", "北京"), example("上海"));
        List<SpanPrediction> pred = List.of(answer("北京"), answer("海口"));
        Score f1 = kind.decoder().score(gold, pred, NONE, "cmrc_f1");
        assertEquals("cmrc_f1", f1.metric());
        assertEquals(75.0, f1.value(), 1e-9);
        assertEquals(50.0, f1.extras().get("em"), 1e-9);
        assertEquals(2, f1.n());
        Score em = kind.decoder().score(gold, pred, NONE, "cmrc_em");
        assertEquals("cmrc_em", em.metric());
        assertEquals(50.0, em.value(), 1e-9);
        assertEquals(75.0, em.extras().get("f1"), 1e-9);
    }

    @Test
    void baselineAnswersTheMostFrequentTrainingAnswer() {
        List<SpanExample> train = List.of(example("北京"), example("上海"), example("北京"), example("广州"));
        assertEquals("北京", SpanDecoder.majorityAnswer(train));
        List<SpanExample> test = List.of(example("北京"), example("南京"));
        Score s = kind.decoder().baseline(train, test, NONE, "cmrc_f1");
        assertEquals("cmrc_f1", s.metric());
        assertEquals(50.0 + 25.0, s.value(), 1e-9); // 北京: F1 1, and 0.5 against 南京
        assertEquals(50.0, s.extras().get("em"), 1e-9);
    }

    @Test
    void needsASpanHeadAndNoLabels() {
        assertEquals(HeadKind.SPAN, kind.headKind());
        assertEquals(0, kind.featurizer().outputLabels(KindFixtures.span(16, 4, 30), List.of()).size());
    }
}
