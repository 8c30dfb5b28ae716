package dev.skillnet.tasks.kinds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skillnet.data.SpanExample;
import dev.skillnet.data.tokenize.BertTokenizer;
import dev.skillnet.tasks.declare.TaskDeclaration;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CMRC 2018 with its bundled declaration: featurizing 50 trial questions and decoding their gold
 * targets back (as one-hot start and end logits) must recover the gold answer text of every
 * question whose answer fits in a window and is no longer than max_answer_length tokens (longer
 * answers cannot be predicted, by design).
 */
class SpanRealDataTest {

    private static final int QUESTIONS = 50;

    @TempDir Path dir;

    private final TaskKind<SpanExample, SpanPrediction> kind = TaskKind.span();

    @Test
    void goldTargetsDecodeBackToTheGoldAnswers() {
        TaskDeclaration declaration = SharedData.declaration("cmrc2018");
        List<SpanExample> all = kind.featurizer().read(SharedData.reader(declaration), "train");
        List<SpanExample> examples = all.subList(0, QUESTIONS);
        for (SpanExample e : examples) {
            assertTrue(e.source().file().getFileName().toString().contains("trial"), e.source().toString());
        }
        LabelSet labels = kind.featurizer().outputLabels(declaration, List.of());

        List<String> texts = new ArrayList<>();
        examples.forEach(e -> {
            texts.add(e.context());
            texts.add(e.question());
        });
        Featurized featurized;
        try (BertTokenizer tokenizer = KindFixtures.tokenizer(dir, KindFixtures.charTokens(texts))) {
            featurized = kind.featurizer().featurize(examples, tokenizer, declaration, labels);
        }

        Set<Integer> located = new HashSet<>();
        Set<Integer> fits = new HashSet<>();
        List<float[]> logits = new ArrayList<>();
        for (Feature f : featurized.features()) {
            float[] row = new float[f.length() * 2];
            int[] t = f.targets();
            if (t[0] != 0 || t[1] != 0) {
                located.add(f.example());
                if (t[1] - t[0] + 1 <= declaration.maxAnswerLength()) {
                    fits.add(f.example());
                    row[2 * t[0]] = 1f;
                    row[2 * t[1] + 1] = 1f;
                }
            }
            logits.add(row);
        }
        // Windows overlap by more than max_answer_length, so every answer lies whole in some
        // window; a few trial answers are whole sentences longer than max_answer_length.
        assertEquals(QUESTIONS, located.size(), "answers found whole in a window");
        assertTrue(fits.size() >= 40, "only " + fits.size() + " of " + QUESTIONS
                + " answers are at most max_answer_length tokens");
        assertTrue(featurized.features().size() > QUESTIONS, "some passages need several windows");
        assertEquals(0, featurized.truncated(), "windows cover whole passages; no trial question is cut");

        List<SpanPrediction> predictions = kind.decoder().decode(examples, featurized.features(), logits, labels, declaration);
        for (int i : fits) {
            SpanExample e = examples.get(i);
            SpanPrediction p = predictions.get(i);
            assertEquals(e.firstLocatedAnswer().text(), p.text(), "question " + e.id());
            assertEquals(e.firstLocatedAnswer().start(), p.start(), "question " + e.id());
            assertEquals(e.context().substring(p.start(), p.end()), p.text());
        }
        double f1 = kind.decoder().score(examples, predictions, labels, declaration.metric()).value();
        assertTrue(f1 >= 100.0 * fits.size() / QUESTIONS - 1e-9, "F1 " + f1);
    }
}
