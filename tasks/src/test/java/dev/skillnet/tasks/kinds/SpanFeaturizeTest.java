package dev.skillnet.tasks.kinds;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.skillnet.data.Answer;
import dev.skillnet.data.Source;
import dev.skillnet.data.SpanExample;
import dev.skillnet.data.tokenize.BertTokenizer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Span features: one per window, targets on the answer's tokens or on [CLS]. */
class SpanFeaturizeTest {

    /** 20 distinct characters, one token each. */
    private static final String CONTEXT = "零一二三四五六七八九十百千万亿甲乙丙丁戊";
    private static final String QUESTION = "问题";

    @TempDir Path dir;

    private final TaskKind<SpanExample, SpanPrediction> kind = TaskKind.span();
    private BertTokenizer tokenizer;

    @BeforeEach
    void setUp() {
        tokenizer = KindFixtures.tokenizer(dir, KindFixtures.charTokens(List.of(CONTEXT, QUESTION)));
    }

    @AfterEach
    void tearDown() {
        tokenizer.close();
    }

    private static SpanExample example(String context, List<Answer> answers) {
        return new SpanExample("q1", "a1", context, QUESTION, answers, new Source(Path.of("dev.json"), 1));
    }

    @Test
    void targetsTheAnswerInWindowsThatHoldAllOfItAndClsElsewhere() {
        // max_length 16 with a 2-token question leaves 11 context tokens per window; windows start
        // at context tokens 0, 4, 8 and 12. The answer 甲乙丙 (chars 15..17) fits in the last two.
        // The first reference answer is not located in the context and is not the target.
        SpanExample e = example(CONTEXT, List.of(new Answer("别的", -1), new Answer("甲乙丙", 15)));
        Featurized f = kind.featurizer().featurize(List.of(e), tokenizer, KindFixtures.span(16, 4, 30), new LabelSet(List.of()));

        assertEquals(4, f.features().size());
        assertArrayEquals(new int[] {0, 0}, f.features().get(0).targets());
        assertArrayEquals(new int[] {0, 0}, f.features().get(1).targets()); // holds 甲乙 only
        // [CLS] 问 题 [SEP] then context from char 8: char 15 is token 11, char 17 token 13.
        assertArrayEquals(new int[] {11, 13}, f.features().get(2).targets());
        assertArrayEquals(new int[] {7, 9}, f.features().get(3).targets());
        for (Feature w : f.features()) {
            assertEquals(0, w.example());
        }
        assertEquals(0, f.truncated(), "a passage spread over windows is not truncated");
        assertEquals(0, f.repaired());
    }

    @Test
    void aShortPassageIsOneWindowAndNotTruncated() {
        SpanExample e = example("甲乙丙丁", List.of(new Answer("乙", 1)));
        Featurized f = kind.featurizer().featurize(List.of(e), tokenizer, KindFixtures.span(16, 4, 30), new LabelSet(List.of()));
        assertEquals(1, f.features().size());
        assertArrayEquals(new int[] {5, 5}, f.features().get(0).targets());
        assertEquals(0, f.truncated());
    }

    @Test
    void aMultiCharacterTokenIsTargetedWhole() throws java.io.IOException {
        // With "ab" in the vocabulary the answer "ab" inside "x ab y" is one token.
        BertTokenizer words = KindFixtures.tokenizer(java.nio.file.Files.createDirectory(dir.resolve("words")),
                List.of("x", "ab", "y", "问", "题"));
        try (words) {
            SpanExample e = example("x ab y", List.of(new Answer("ab", 2)));
            Featurized f = kind.featurizer().featurize(List.of(e), words, KindFixtures.span(16, 4, 30), new LabelSet(List.of()));
            assertArrayEquals(new int[] {5, 5}, f.features().get(0).targets());
        }
    }
}
