package dev.skillnet.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.inference.Predictor;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DJL's own Predictor, through each task kind's translator, answers as the API's methods do. */
class DjlPredictorTest {

    private static void assertSameClassification(Classification expected, Classification actual) {
        assertEquals(expected.label(), actual.label());
        for (String label : expected.probabilities().keySet()) {
            assertEquals(expected.probabilities().get(label), actual.probabilities().get(label), 1e-6, label);
        }
    }

    @Test
    void everyKindPredictsThroughDjlAsThroughTheApi(@TempDir Path tmp) throws Exception {
        try (MultitaskModel m = SkillNet.load(RandomModel.save(tmp.resolve("model"), 21))) {
            try (Predictor<String, Classification> p = m.newClassifier("chnsenticorp")) {
                assertSameClassification(m.classify("chnsenticorp", "酒店很干净"), p.predict("酒店很干净"));
                List<Classification> many = p.batchPredict(List.of("好", "很差", "一般般"));
                List<Classification> api = m.classifyAll("chnsenticorp", List.of("好", "很差", "一般般"));
                for (int i = 0; i < 3; i++) {
                    assertSameClassification(api.get(i), many.get(i));
                }
            }
            try (Predictor<TextPair, Classification> p = m.newPairClassifier("afqmc")) {
                assertSameClassification(m.classify("afqmc", "花呗怎么还", "花呗如何还款"),
                        p.predict(new TextPair("花呗怎么还", "花呗如何还款")));
            }
            try (Predictor<String, Tagging> p = m.newTagger("msra_ner")) {
                String text = "李明在北京大学读书";
                assertEquals(m.tag("msra_ner", text), p.predict(text));
            }
            try (Predictor<Question, Answer> p = m.newReader("cmrc2018")) {
                String passage = "甲乙丙丁戊己庚辛壬癸".repeat(80); // 800 characters: two windows
                Answer api = m.answer("cmrc2018", "哪个？", passage);
                Answer djl = p.predict(new Question("哪个？", passage));
                assertEquals(List.of(api.text(), api.start(), api.end()), List.of(djl.text(), djl.start(), djl.end()));
                assertEquals(api.probability(), djl.probability(), 1e-6);
            }
            assertThrows(IllegalArgumentException.class, () -> m.newTagger("tnews"));
        }
    }
}
