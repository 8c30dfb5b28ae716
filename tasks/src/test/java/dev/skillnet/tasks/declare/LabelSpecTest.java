package dev.skillnet.tasks.declare;

import static dev.skillnet.tasks.declare.DeclarationFiles.chnsenticorp;
import static dev.skillnet.tasks.declare.DeclarationFiles.cmrc2018;
import static dev.skillnet.tasks.declare.DeclarationFiles.msraNer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.skillnet.core.UserInputException;
import dev.skillnet.skills.SkillTable;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The three forms of "labels", and the ways each can be wrong. */
class LabelSpecTest {

    @TempDir Path dir;

    private TaskDeclaration load(JsonObject task) {
        new DeclarationFiles(dir).write("task.json", task);
        return TaskDeclarations.load(dir, SkillTable.defaults()).tasks().get(0);
    }

    private String reason(JsonObject task, String labels) {
        if (labels == null) {
            task.remove("labels");
        } else {
            task.add("labels", JsonParser.parseString(labels));
        }
        new DeclarationFiles(dir).write("task.json", task);
        return assertThrows(UserInputException.class,
                () -> TaskDeclarations.load(dir, SkillTable.defaults())).reason();
    }

    private LabelSpec labels(JsonObject task, String labels) {
        task.add("labels", JsonParser.parseString(labels));
        return load(task).labels();
    }

    @Test
    void anExplicitListKeepsItsOrder() {
        LabelSpec spec = labels(chnsenticorp(), "[\"1\", \"0\"]");
        assertEquals(LabelSpec.Source.LIST, spec.source());
        assertEquals(List.of("1", "0"), spec.values());
        assertEquals("2 labels", spec.describe());
    }

    @Test
    void labelsFromASplit() {
        assertEquals(LabelSpec.fromSplit("train"), labels(chnsenticorp(), "{\"from\": \"train\"}"));
    }

    @Test
    void labelsFromAFileWithAFieldDefaultingToLabel() {
        assertEquals(LabelSpec.fromFile("labels.json", "label_desc"),
                labels(chnsenticorp(), "{\"file\": \"labels.json\", \"field\": \"label_desc\"}"));
        assertEquals(LabelSpec.fromFile("labels.json", "label"),
                labels(chnsenticorp(), "{\"file\": \"labels.json\"}"));
    }

    @Test
    void entityTypesForSequenceLabeling() {
        assertEquals(LabelSpec.list(List.of("PER", "LOC", "ORG")), load(msraNer()).labels());
    }

    @Test
    void classificationNeedsLabels() {
        assertTrue(reason(chnsenticorp(), null).startsWith("missing field \"labels\""));
    }

    @Test
    void spanExtractionTakesNone() {
        assertEquals("span_extraction tasks take no \"labels\"; remove the field",
                reason(cmrc2018(), "[\"a\", \"b\"]"));
    }

    @Test
    void labelsOfTheWrongFormAreRejected() {
        String forms = "a list of labels, {\"from\": \"train\"} or {\"file\": \"labels.json\", \"field\": \"label\"}";
        assertEquals("field \"labels\" must be " + forms + ", found a string", reason(chnsenticorp(), "\"0,1\""));
        assertEquals("field \"labels\" must be " + forms + ", found an object with fields split",
                reason(chnsenticorp(), "{\"split\": \"train\"}"));
        assertEquals("field \"labels\" must be " + forms + ", found an object with fields from, file",
                reason(chnsenticorp(), "{\"from\": \"train\", \"file\": \"x.json\"}"));
        assertEquals("field \"labels.from\" must be a non-empty string, found a number",
                reason(chnsenticorp(), "{\"from\": 1}"));
        assertEquals("field \"labels[1]\" must be a string, found a number", reason(chnsenticorp(), "[\"0\", 1]"));
    }

    @Test
    void aClassificationListNeedsTwoDistinctLabels() {
        assertEquals("field \"labels\" needs at least 2 labels, found 1", reason(chnsenticorp(), "[\"0\"]"));
        assertEquals("label '0' is listed twice in \"labels\"", reason(chnsenticorp(), "[\"0\", \"1\", \"0\"]"));
        assertEquals("field \"labels\" has an empty label", reason(chnsenticorp(), "[\"0\", \" \"]"));
    }

    @Test
    void sequenceLabelingListsEntityTypesNotTags() {
        assertEquals("field \"labels\" of a sequence_labeling task lists entity types such as PER, not tags;"
                + " found 'B-PER'", reason(msraNer(), "[\"B-PER\", \"I-PER\"]"));
        assertTrue(reason(msraNer(), "[\"PER\", \"O\"]").endsWith("found 'O'"));
        assertEquals("field \"labels\" needs at least 1 entity type, found 0", reason(msraNer(), "[]"));
    }

    @Test
    void aLabelsFileMustStayInsideTheDataDirectory() {
        assertEquals("labels file '../labels.json' must be a path inside the data directory",
                reason(chnsenticorp(), "{\"file\": \"../labels.json\"}"));
        assertEquals("labels file '/etc/labels.json' must be a path inside the data directory",
                reason(chnsenticorp(), "{\"file\": \"/etc/labels.json\"}"));
    }

    @Test
    void aSpecHoldsExactlyTheComponentsOfItsSource() {
        assertThrows(IllegalArgumentException.class,
                () -> new LabelSpec(LabelSpec.Source.SPLIT, List.of("a"), "train", null, null));
        assertThrows(IllegalArgumentException.class, () -> LabelSpec.list(List.of()));
        assertEquals("from labels.json (label)", LabelSpec.fromFile("labels.json", "label").describe());
    }
}
