package dev.skillnet.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.skillnet.inference.Answer;
import dev.skillnet.inference.Classification;
import dev.skillnet.inference.MultitaskModel;
import dev.skillnet.inference.Question;
import dev.skillnet.inference.RandomModel;
import dev.skillnet.inference.SkillNet;
import dev.skillnet.inference.TextPair;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java API loaded with {@code optEngine(EvalEngine.ONNX)} answers as it does on the model's own
 * path: the same labels, tags and answer spans, probabilities to 1e-5, for every task type, tasks
 * called in turn and again (each keeps its session).
 */
class OnnxApiTest {

    private static final List<String> TEXTS = List.of("李明在北京大学读书，王芳去了上海。", "这家酒店的服务很好", "股市今天大涨");
    private static final List<TextPair> PAIRS = List.of(new TextPair("花呗怎么还款", "花呗还款方式"),
            new TextPair("借呗额度", "今天天气很好"));
    private static final List<Question> QUESTIONS = List.of(
            new Question("株洲北站在哪里？", "株洲北站位于湖南省株洲市石峰区，是京广铁路、沪昆铁路两大铁路干线的交汇处。"),
            new Question("哪个？", "甲乙丙丁戊己庚辛壬癸".repeat(120))); // 1,200 characters: several windows

    @Test
    void answersAsThePytorchPathDoes(@TempDir Path tmp) throws Exception {
        Path dir = RandomModel.save(tmp.resolve("model"), 5);
        try (MultitaskModel pytorch = SkillNet.load(dir);
                MultitaskModel onnx = SkillNet.builder().setModel(dir).optEngine(EvalEngine.ONNX).load()) {
            for (int round = 0; round < 2; round++) {
                sameClassifications(pytorch.classifyAll("tnews", TEXTS), onnx.classifyAll("tnews", TEXTS));
                sameClassifications(pytorch.classifyPairs("afqmc", PAIRS), onnx.classifyPairs("afqmc", PAIRS));
                assertEquals(pytorch.tagAll("msra_ner", TEXTS), onnx.tagAll("msra_ner", TEXTS));
                List<Answer> expected = pytorch.answerAll("cmrc2018", QUESTIONS);
                List<Answer> actual = onnx.answerAll("cmrc2018", QUESTIONS);
                for (int i = 0; i < expected.size(); i++) {
                    assertEquals(expected.get(i).text(), actual.get(i).text());
                    assertEquals(expected.get(i).start(), actual.get(i).start());
                    assertEquals(expected.get(i).probability(), actual.get(i).probability(), 1e-5);
                }
            }
        }
    }

    private static void sameClassifications(List<Classification> expected, List<Classification> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i).label(), actual.get(i).label(), "input " + i);
            for (var e : expected.get(i).probabilities().entrySet()) {
                assertEquals(e.getValue(), actual.get(i).probabilities().get(e.getKey()), 1e-5, "input " + i);
            }
        }
    }
}
