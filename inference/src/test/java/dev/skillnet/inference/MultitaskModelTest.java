package dev.skillnet.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.skillnet.core.UserInputException;
import dev.skillnet.inference.json.FieldException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The Java API on a small random model of the six bundled tasks: typed results and clear errors. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MultitaskModelTest {

    @TempDir
    static Path tmp;

    private static MultitaskModel model;

    @BeforeAll
    static void load() throws IOException {
        model = SkillNet.load(RandomModel.save(tmp.resolve("model"), 7));
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void listsEveryTaskWithItsTypeSkillsAndLabels() {
        assertEquals(List.of("afqmc", "chnsenticorp", "cmrc2018", "msra_ner", "ocnli", "tnews"),
                model.tasks().stream().map(TaskInfo::name).sorted().toList());
        TaskInfo sentiment = model.task("chnsenticorp");
        assertEquals("single_text_classification", sentiment.type());
        assertEquals(List.of("0", "1"), sentiment.labels());
        assertTrue(sentiment.skills().contains("sentiment"));
        assertEquals("span_extraction", model.task("cmrc2018").type());
        assertEquals(List.of(), model.task("cmrc2018").labels());
        assertTrue(model.task("msra_ner").labels().contains("B-PER"));
    }

    @Test
    void classifiesATextWithProbabilitiesOverTheLabels() {
        Classification c = model.classify("chnsenticorp", "酒店很干净，服务也好");
        assertEquals(List.of("0", "1"), List.copyOf(c.probabilities().keySet()));
        assertEquals(1.0, c.probabilities().values().stream().mapToDouble(Double::doubleValue).sum(), 1e-6);
        double best = c.probabilities().values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        assertEquals(best, c.probability());
        assertEquals(best, c.probabilities().get(c.label()));
        assertEquals(c, model.classify("chnsenticorp", "酒店很干净，服务也好"));
    }

    @Test
    void classifiesTextPairs() {
        Classification c = model.classify("afqmc", "花呗怎么还款", "花呗如何还钱");
        assertTrue(model.task("afqmc").labels().contains(c.label()));
        assertEquals(1.0, c.probabilities().values().stream().mapToDouble(Double::doubleValue).sum(), 1e-6);
    }

    @Test
    void classifyingInABatchGivesWhatEachTextGivesAlone() {
        List<String> texts = List.of("股市今天大涨", "足球比赛结束了", "新款手机发布", "一");
        List<Classification> batch = model.classifyAll("tnews", texts);
        assertEquals(texts.size(), batch.size());
        for (int i = 0; i < texts.size(); i++) {
            Classification alone = model.classify("tnews", texts.get(i));
            assertEquals(alone.label(), batch.get(i).label());
            for (String label : alone.probabilities().keySet()) {
                assertEquals(alone.probabilities().get(label), batch.get(i).probabilities().get(label), 1e-5);
            }
        }
        assertEquals(List.of(), model.classifyAll("tnews", List.of()));
    }

    @Test
    void tagsWithEntitiesAtJavaCharOffsets() {
        // 𠀀 lies outside the BMP: two Java chars, one code point, one tag.
        String text = "𠀀李明在北京大学读书，王芳去了上海。";
        Tagging t = model.tag("msra_ner", text);
        assertEquals(text.codePointCount(0, text.length()), t.tags().size());
        for (Entity e : t.entities()) {
            assertEquals(text.substring(e.start(), e.end()), e.text());
            assertTrue(List.of("PER", "LOC", "ORG").contains(e.type()), e.type());
        }
        assertEquals(List.of(t, t), model.tagAll("msra_ner", List.of(text, text)));
    }

    @Test
    void answersWithASpanOfThePassageAndItsProbability() {
        String passage = "株洲北站位于湖南省株洲市石峰区，是京广铁路、沪昆铁路两大铁路干线的交汇处。";
        Answer a = model.answer("cmrc2018", "株洲北站在哪里？", passage);
        assertEquals(passage.substring(a.start(), a.end()), a.text());
        assertTrue(a.end() > a.start());
        assertTrue(a.probability() > 0 && a.probability() <= 1, "probability " + a.probability());
    }

    @Test
    void answersFromAPassageLongerThanOneWindow() {
        String passage = "甲乙丙丁戊己庚辛壬癸".repeat(120); // 1,200 characters: several windows of 512
        Answer a = model.answer("cmrc2018", "哪个？", passage);
        assertEquals(passage.substring(a.start(), a.end()), a.text());
        assertTrue(a.text().length() > 0);
    }

    @Test
    void namesAnUnknownTaskAndTheTasksThereAre() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> model.classify("weibo_senti", "好"));
        assertTrue(e.getMessage().contains("unknown task 'weibo_senti'"), e.getMessage());
        assertTrue(e.getMessage().contains("chnsenticorp"), e.getMessage());
    }

    @Test
    void namesATaskUsedWithTheWrongMethod() {
        IllegalArgumentException tag = assertThrows(IllegalArgumentException.class,
                () -> model.classify("msra_ner", "李明"));
        assertEquals("task 'msra_ner' is sequence_labeling, not single_text_classification; for it use tag or tagAll",
                tag.getMessage());
        IllegalArgumentException pair = assertThrows(IllegalArgumentException.class,
                () -> model.classify("afqmc", "只有一句"));
        assertTrue(pair.getMessage().contains("classify(task, text, textPair)"), pair.getMessage());
        assertThrows(IllegalArgumentException.class, () -> model.answer("tnews", "问", "文"));
        assertThrows(IllegalArgumentException.class, () -> model.tag("cmrc2018", "文"));
    }

    @Test
    void rejectsMissingInputsByPosition() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> model.classifyAll("tnews", java.util.Arrays.asList("好", null)));
        assertEquals("texts[1] is null", e.getMessage());
        assertThrows(NullPointerException.class, () -> new TextPair("好", null));
        assertThrows(NullPointerException.class, () -> new Question(null, "文"));
    }

    @Test
    void aClosedModelSaysSoAndClosingTwiceIsHarmless() throws IOException {
        MultitaskModel m = SkillNet.load(RandomModel.save(tmp.resolve("closed"), 8));
        m.close();
        m.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> m.classify("tnews", "好"));
        assertTrue(e.getMessage().contains("is closed"), e.getMessage());
    }

    @Test
    void loadingAFolderThatIsNotAModelNamesIt() {
        UserInputException missing = assertThrows(UserInputException.class, () -> SkillNet.load(tmp.resolve("none")));
        assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
        assertThrows(UserInputException.class, () -> SkillNet.load(tmp));
        assertThrows(IllegalStateException.class, () -> SkillNet.builder().load());
        assertThrows(IllegalArgumentException.class, () -> SkillNet.builder().optBatchSize(0));
    }

    @Test
    void aSmallerBatchSizeGivesTheSameAnswers() throws IOException {
        List<String> texts = List.of("股市今天大涨", "足球比赛结束了", "新款手机发布");
        try (MultitaskModel small = SkillNet.builder().setModel(tmp.resolve("model")).optBatchSize(1).load()) {
            List<Classification> one = small.classifyAll("tnews", texts);
            List<Classification> many = model.classifyAll("tnews", texts);
            for (int i = 0; i < texts.size(); i++) {
                assertEquals(many.get(i).label(), one.get(i).label());
            }
        }
    }

    @Test
    void predictsTheJsonOfSkillnetPredictAndNamesAFaultyInput() {
        List<JsonObject> out = model.predictJson("tnews", List.of(json("{\"text\": \"股市今天大涨\"}"),
                json("{\"text\": \"足球比赛结束了\"}")));
        assertEquals(2, out.size());
        Classification c = model.classify("tnews", "足球比赛结束了");
        assertEquals(c.label(), out.get(1).get("label").getAsString());
        assertEquals(c.probability(), out.get(1).getAsJsonObject("probabilities").get(c.label()).getAsDouble(), 1e-5);
        Answer a = model.answer("cmrc2018", "谁？", "李明在北京。");
        JsonObject read = model.predictJson("cmrc2018", List.of(json("{\"question\": \"谁？\", \"context\": \"李明在北京。\"}")))
                .get(0);
        assertEquals(a.text(), read.get("answer").getAsString());
        FieldException bad = assertThrows(FieldException.class, () -> model.predictJson("tnews",
                List.of(json("{\"text\": \"a\"}"), json("{\"text\": 5}"))));
        assertEquals("text", bad.field());
        assertEquals(1, bad.index());
    }

    private static JsonObject json(String s) {
        return JsonParser.parseString(s).getAsJsonObject();
    }
}
