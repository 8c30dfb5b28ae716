package dev.skillnet.tasks.declare;

import static dev.skillnet.tasks.declare.DeclarationFiles.chnsenticorp;
import static dev.skillnet.tasks.declare.DeclarationFiles.cmrc2018;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.skillnet.core.UserInputException;
import dev.skillnet.skills.SkillTable;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every mistake in one declaration file is reported against that file, naming the culprit. */
class DeclarationErrorsTest {

    private static final String DEFAULT_SKILLS =
            "sequence, token, pair, sentiment, entity, question, general";

    @TempDir Path dir;

    /** Writes {@code base} changed by {@code change} and returns the reason loading it fails. */
    private String reason(JsonObject base, Consumer<JsonObject> change) {
        change.accept(base);
        Path file = new DeclarationFiles(dir).write("task.json", base);
        var e = assertThrows(UserInputException.class, () -> TaskDeclarations.load(dir, SkillTable.defaults()));
        assertEquals(file, e.file(), "the error names the file");
        return e.reason();
    }

    private String reason(Consumer<JsonObject> change) {
        return reason(chnsenticorp(), change);
    }

    @Test
    void invalidJsonGivesLineAndColumn() {
        Path file = new DeclarationFiles(dir).writeText("task.json",
                "{\n  \"name\": \"chnsenticorp\",\n  \"type\" \"single_text_classification\"\n}\n");
        var e = assertThrows(UserInputException.class, () -> TaskDeclarations.load(dir, SkillTable.defaults()));
        assertEquals(file, e.file());
        assertEquals(3, e.line());
        assertTrue(e.reason().startsWith("invalid JSON at column "), e.reason());
    }

    @Test
    void aDeclarationMustBeAnObject() {
        new DeclarationFiles(dir).writeText("task.json", "[1, 2]");
        var e = assertThrows(UserInputException.class, () -> TaskDeclarations.load(dir, SkillTable.defaults()));
        assertEquals("expected a JSON object declaring one task, found an array", e.reason());
    }

    @Test
    void eachRequiredFieldMustBePresent() {
        for (String field : new String[] {"name", "type", "skills", "data"}) {
            assertEquals("missing field \"" + field + "\"", reason(t -> t.remove(field)), field);
        }
    }

    @Test
    void anUnknownFieldIsNamed() {
        String r = reason(t -> t.addProperty("max_lenght", 64));
        assertTrue(r.startsWith("unknown field 'max_lenght'; known fields: data, description,"), r);
    }

    @Test
    void theTaskNameMustBeAnIdentifier() {
        assertTrue(reason(t -> t.addProperty("name", "ChnSentiCorp")).startsWith("invalid task name 'ChnSentiCorp'"));
    }

    @Test
    void anUnknownTypeListsTheKnownOnes() {
        assertEquals("unknown task type 'classification'; known types: single_text_classification,"
                + " text_pair_classification, sequence_labeling, span_extraction",
                reason(t -> t.addProperty("type", "classification")));
    }

    @Test
    void anUnknownSkillIsNamedAndTheDeclaredOnesListed() {
        assertEquals("unknown skill 'legal'; declared skills: " + DEFAULT_SKILLS
                + " (a new skill goes under \"new_skills\")",
                reason(t -> t.add("skills", JsonParser.parseString("[\"sequence\", \"legal\"]"))));
    }

    @Test
    void aSkillListedTwiceIsNamed() {
        assertEquals("skill 'sentiment' is listed twice in \"skills\"",
                reason(t -> t.add("skills", JsonParser.parseString("[\"sentiment\", \"general\", \"sentiment\"]"))));
    }

    @Test
    void anEmptySkillListIsRejected() {
        assertTrue(reason(t -> t.add("skills", JsonParser.parseString("[]")))
                .startsWith("field \"skills\" is empty"));
    }

    @Test
    void skillsMustBeAnArrayOfStrings() {
        assertEquals("field \"skills\" must be an array of strings, found a string",
                reason(t -> t.addProperty("skills", "sentiment")));
        assertEquals("field \"skills[1]\" must be a string, found a number",
                reason(t -> t.add("skills", JsonParser.parseString("[\"general\", 3]"))));
    }

    @Test
    void dataMustBeAnObject() {
        assertEquals("field \"data\" must be an object, found a string",
                reason(t -> t.addProperty("data", "chnsenticorp")));
    }

    @Test
    void aMetricNotAllowedForTheTypeListsTheAllowedOnes() {
        assertEquals("metric 'entity_f1' is not allowed for single_text_classification tasks;"
                + " allowed: accuracy, macro_f1", reason(t -> t.addProperty("metric", "entity_f1")));
        assertEquals("metric 'accuracy' is not allowed for span_extraction tasks; allowed: cmrc_f1, cmrc_em",
                reason(cmrc2018(), t -> t.addProperty("metric", "accuracy")));
    }

    @Test
    void maxLengthMustBeAWholeNumberFrom8To4096() {
        String expected = "field \"max_length\" must be a whole number from 8 to 4096, found ";
        assertEquals(expected + "7", reason(t -> t.addProperty("max_length", 7)));
        assertEquals(expected + "4097", reason(t -> t.addProperty("max_length", 4097)));
        assertEquals(expected + "12.5", reason(t -> t.addProperty("max_length", 12.5)));
        assertEquals(expected + "a string", reason(t -> t.addProperty("max_length", "128")));
    }

    @Test
    void theLimitsOfMaxLengthAreAllowed() {
        for (int length : new int[] {8, 4096}) {
            JsonObject task = chnsenticorp();
            task.addProperty("max_length", length);
            new DeclarationFiles(dir).write("task.json", task);
            assertEquals(length, TaskDeclarations.load(dir, SkillTable.defaults()).get("chnsenticorp").maxLength());
        }
    }

    @Test
    void windowSettingsBelongToSpanExtractionOnly() {
        assertEquals("field \"doc_stride\" applies only to span_extraction tasks",
                reason(t -> t.addProperty("doc_stride", 64)));
        assertEquals("field \"max_answer_length\" applies only to span_extraction tasks",
                reason(t -> t.addProperty("max_answer_length", 20)));
        assertEquals("field \"doc_stride\" must be a whole number from 1 to 4096, found 0",
                reason(cmrc2018(), t -> t.addProperty("doc_stride", 0)));
    }

    @Test
    void encoderRateIsAFractionOfTheLearningRate() {
        for (String bad : List.of("0", "-0.5", "1.5")) {
            assertEquals("field \"encoder_rate\" must be a number greater than 0 and at most 1, found " + bad,
                    reason(t -> t.add("encoder_rate", JsonParser.parseString(bad))));
        }
        assertEquals("field \"encoder_rate\" must be a number greater than 0 and at most 1, found a string",
                reason(t -> t.addProperty("encoder_rate", "0.1")));
    }

    @Test
    void poolingIsClsMeanPairOrSiameseAndOnlyForClassification() {
        assertEquals("field \"pooling\": unknown pooling 'max'; use cls, mean, pair, siamese or cosine",
                reason(t -> t.addProperty("pooling", "max")));
        assertEquals("field \"pooling\": pair compares two texts and applies only to text_pair_classification"
                + " tasks; use cls or mean for single_text_classification",
                reason(t -> t.addProperty("pooling", "pair")));
        assertEquals("field \"pooling\": siamese compares two texts and applies only to text_pair_classification"
                + " tasks; use cls or mean for single_text_classification",
                reason(t -> t.addProperty("pooling", "siamese")));
        assertEquals("field \"pooling\": cosine compares two texts and applies only to text_pair_classification"
                + " tasks; use cls or mean for single_text_classification",
                reason(t -> t.addProperty("pooling", "cosine")));
        assertEquals("field \"pooling\" applies only to classification tasks (single_text_classification,"
                + " text_pair_classification); a span_extraction head reads every token",
                reason(cmrc2018(), t -> t.addProperty("pooling", "mean")));
    }
}
