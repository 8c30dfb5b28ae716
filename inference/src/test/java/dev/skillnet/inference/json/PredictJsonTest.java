package dev.skillnet.inference.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.skillnet.data.Source;
import dev.skillnet.data.SpanExample;
import dev.skillnet.data.TaggedExample;
import dev.skillnet.data.TextExample;
import dev.skillnet.tasks.declare.TaskType;
import dev.skillnet.tasks.kinds.ClassPrediction;
import dev.skillnet.tasks.kinds.EntityMention;
import dev.skillnet.tasks.kinds.SpanPrediction;
import dev.skillnet.tasks.kinds.TaggingPrediction;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON of {@code skillnet predict} and the server: inputs read field by field, predictions printed as documented. */
class PredictJsonTest {

    private static final String NON_BMP = "\uD840\uDC00"; // U+20000, two Java chars
    private static final Source WHERE = new Source(Path.of("in.jsonl"), 4);

    private static JsonObject json(String s) {
        return JsonParser.parseString(s).getAsJsonObject();
    }

    @Test
    void classificationReadsTextAndPairAndPrintsLabelWithProbabilities() {
        TextExample single = new ClassificationJson(false).fromInput(json("{\"text\": \"好\"}"), WHERE);
        assertEquals("好", single.text());
        assertNull(single.textPair());
        assertNull(single.label());
        TextExample pair = new ClassificationJson(true).fromInput(json("{\"text\": \"a\", \"text_pair\": \"b\"}"), WHERE);
        assertEquals("b", pair.textPair());
        FieldException missing = assertThrows(FieldException.class,
                () -> new ClassificationJson(true).fromInput(json("{\"text\": \"a\"}"), WHERE));
        assertEquals("text_pair", missing.field());
        Map<String, Double> p = new LinkedHashMap<>();
        p.put("neg", 0.25);
        p.put("pos", 0.75);
        assertEquals(json("{\"label\": \"pos\", \"probabilities\": {\"neg\": 0.25, \"pos\": 0.75}}"),
                new ClassificationJson(false).toJson(single, new ClassPrediction("pos", p)));
    }

    @Test
    void taggingSplitsTextByCodePointAndPrintsEntitiesAndTags() {
        TaggingJson codec = new TaggingJson();
        TaggedExample e = codec.fromInput(json("{\"text\": \"李" + NON_BMP + "在\"}"), WHERE);
        assertEquals(List.of("李", NON_BMP, "在"), e.chars());
        assertEquals(List.of("O", "O", "O"), e.tags());
        assertEquals(WHERE, e.source());
        FieldException missing = assertThrows(FieldException.class, () -> codec.fromInput(new JsonObject(), WHERE));
        assertEquals("text", missing.field());
        assertTrue(missing.getMessage().contains("missing field \"text\""), missing.getMessage());
        TaggingPrediction p = new TaggingPrediction(List.of("B-LOC", "I-LOC"),
                List.of(new EntityMention("LOC", 0, 2, "上海")));
        assertEquals(json("{\"entities\": [{\"text\": \"上海\", \"type\": \"LOC\", \"start\": 0, \"end\": 2}],"
                + " \"tags\": [\"B-LOC\", \"I-LOC\"]}"), codec.toJson(e, p));
    }

    @Test
    void spanReadsQuestionAndContextAndPrintsTheAnswer() {
        SpanJson codec = new SpanJson();
        SpanExample e = codec.fromInput(json("{\"context\": \"甲乙丙\", \"question\": \"哪个\"}"), WHERE);
        assertEquals("甲乙丙", e.context());
        assertEquals("哪个", e.question());
        assertEquals(List.of(), e.answers());
        assertEquals("line-4", e.id());
        FieldException missing = assertThrows(FieldException.class,
                () -> codec.fromInput(json("{\"context\": \"甲\"}"), WHERE));
        assertEquals("question", missing.field());
        assertEquals(json("{\"answer\": \"乙丙\", \"start\": 1, \"end\": 3, \"score\": 2.5, \"probability\": 0.25}"),
                codec.toJson(e, new SpanPrediction("乙丙", 1, 3, 2.5, 0.25)));
        assertEquals(json("{\"answer\": \"\", \"start\": 0, \"end\": 0, \"score\": null, \"probability\": 0.0}"),
                codec.toJson(e, new SpanPrediction("", 0, 0, Double.NEGATIVE_INFINITY, 0.0)));
    }

    @Test
    void aFieldOfTheWrongTypeIsNamed() {
        FieldException e = assertThrows(FieldException.class,
                () -> new ClassificationJson(false).fromInput(json("{\"text\": 3}"), WHERE));
        assertEquals("text", e.field());
        assertEquals("field \"text\" must be a string", e.getMessage());
    }

    @Test
    void everyTaskTypeHasItsJson() {
        assertTrue(PredictJsons.of(TaskType.SINGLE_TEXT_CLASSIFICATION) instanceof ClassificationJson);
        assertTrue(PredictJsons.of(TaskType.TEXT_PAIR_CLASSIFICATION) instanceof ClassificationJson);
        assertTrue(PredictJsons.of(TaskType.SEQUENCE_LABELING) instanceof TaggingJson);
        assertTrue(PredictJsons.of(TaskType.SPAN_EXTRACTION) instanceof SpanJson);
    }

    @Test
    void examplesBecomeInputsAndAnswersBecomePredictionsAgain() {
        ClassificationJson pair = new ClassificationJson(true);
        TextExample t = new TextExample("a", "b", "1", WHERE);
        TextExample back = pair.fromInput(pair.toInput(t), WHERE);
        assertEquals(List.of("a", "b"), List.of(back.text(), back.textPair()));
        Map<String, Double> p = new LinkedHashMap<>();
        p.put("0", 0.3);
        p.put("1", 0.7);
        ClassPrediction c = new ClassPrediction("1", p);
        assertEquals(c, pair.fromJson(pair.toJson(t, c)));

        TaggingJson tagging = new TaggingJson();
        TaggedExample chars = new TaggedExample(List.of("李", NON_BMP, "在"), List.of("B-PER", "I-PER", "O"), WHERE);
        assertEquals(chars.chars(), tagging.fromInput(tagging.toInput(chars), WHERE).chars());
        TaggingPrediction tags = new TaggingPrediction(List.of("B-PER", "I-PER", "O"),
                List.of(new EntityMention("PER", 0, 3, "李" + NON_BMP)));
        assertEquals(tags, tagging.fromJson(tagging.toJson(chars, tags)));
        assertThrows(IllegalArgumentException.class, () -> tagging.toInput(
                new TaggedExample(List.of("北京", "大学"), List.of("B-ORG", "I-ORG"), WHERE)), "a word is not a character");

        SpanJson span = new SpanJson();
        SpanExample q = new SpanExample("q1", "t", "甲乙丙", "哪个", List.of(), WHERE);
        SpanExample qBack = span.fromInput(span.toInput(q), WHERE);
        assertEquals(List.of("q1", "甲乙丙", "哪个"), List.of(qBack.id(), qBack.context(), qBack.question()));
        SpanPrediction a = new SpanPrediction("乙丙", 1, 3, 2.5, 0.25);
        assertEquals(a, span.fromJson(span.toJson(q, a)));
        assertThrows(FieldException.class, () -> span.fromJson(json("{\"start\": 1}")));
    }
}
