package dev.skillnet.tasks.declare;

import static dev.skillnet.tasks.declare.DeclarationFiles.chnsenticorp;
import static dev.skillnet.tasks.declare.DeclarationFiles.cmrc2018;
import static dev.skillnet.tasks.declare.DeclarationFiles.json;
import static dev.skillnet.tasks.declare.DeclarationFiles.msraNer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.skillnet.core.UserInputException;
import dev.skillnet.model.heads.Pooling;
import dev.skillnet.skills.Skill;
import dev.skillnet.skills.SkillTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a directory of declarations: what is read, in what order, and what spans files. */
class TaskDeclarationsTest {

    @TempDir Path dir;

    private DeclarationFiles files() {
        return new DeclarationFiles(dir);
    }

    private Declared load() {
        return TaskDeclarations.load(dir, SkillTable.defaults());
    }

    private UserInputException loadFails() {
        return assertThrows(UserInputException.class, this::load);
    }

    @Test
    void readsEveryFieldOfADeclaration() {
        Path file = files().write("chnsenticorp.json", chnsenticorp());
        TaskDeclaration task = load().get("chnsenticorp");
        assertEquals("chnsenticorp", task.name());
        assertEquals(TaskType.SINGLE_TEXT_CLASSIFICATION, task.type());
        assertEquals("Hotel review sentiment (positive/negative)", task.description());
        assertEquals(List.of("sequence", "sentiment", "general"), task.skills());
        assertEquals(LabelSpec.list(List.of("0", "1")), task.labels());
        assertEquals(JsonParser.parseString("{\"dir\": \"chnsenticorp\", \"format\": \"tsv\"}"), task.data());
        assertEquals(file, task.file());
    }

    @Test
    void optionalFieldsTakeTheirDefaults() {
        JsonObject minimal = chnsenticorp();
        minimal.remove("description");
        files().write("t.json", minimal);
        TaskDeclaration task = load().get("chnsenticorp");
        assertEquals("", task.description());
        assertEquals("accuracy", task.metric());
        assertEquals(128, task.maxLength());
        assertEquals(128, task.docStride());
        assertEquals(30, task.maxAnswerLength());
        assertEquals(Pooling.CLS, task.pooling());
    }

    @Test
    void aClassificationTaskMayPoolByTheMeanOfItsTokens() {
        JsonObject mean = chnsenticorp();
        mean.addProperty("pooling", "mean");
        files().write("t.json", mean);
        assertEquals(Pooling.MEAN, load().get("chnsenticorp").pooling());
    }

    @Test
    void theDefaultMetricDependsOnTheType() {
        files().write("a.json", msraNer());
        files().write("b.json", cmrc2018());
        Declared declared = load();
        assertEquals("entity_f1", declared.get("msra_ner").metric());
        assertEquals("cmrc_f1", declared.get("cmrc2018").metric());
    }

    @Test
    void spanExtractionReadsItsWindowSettingsAndHasNoLabels() {
        files().write("cmrc2018.json", cmrc2018());
        TaskDeclaration task = load().get("cmrc2018");
        assertEquals(384, task.maxLength());
        assertEquals(128, task.docStride());
        assertEquals(40, task.maxAnswerLength());
        assertEquals(LabelSpec.none(), task.labels());
    }

    @Test
    void anAllowedNonDefaultMetricIsKept() {
        JsonObject task = chnsenticorp();
        task.addProperty("metric", "macro_f1");
        files().write("t.json", task);
        assertEquals("macro_f1", load().get("chnsenticorp").metric());
    }

    @Test
    void readsOnlyJsonFilesSortedByFileName() {
        files().write("b.json", msraNer());
        files().write("a.json", cmrc2018());
        files().write("c.json", chnsenticorp());
        files().writeText("README.md", "not a declaration");
        assertEquals(List.of("cmrc2018", "msra_ner", "chnsenticorp"), load().names());
    }

    @Test
    void withoutNewSkillsTheSkillTableIsUnchanged() {
        files().write("t.json", chnsenticorp());
        assertEquals(SkillTable.defaults(), load().skills());
    }

    @Test
    void aTaskMayIntroduceASkillAndAnotherFileMayUseIt() {
        // a.json uses the skill that b.json introduces: file order does not matter.
        JsonObject user = chnsenticorp();
        user.add("skills", JsonParser.parseString("[\"legal\", \"general\"]"));
        files().write("a.json", user);
        JsonObject introducer = json("""
                {"name": "cail", "type": "single_text_classification",
                 "skills": ["sequence", "legal", "general"],
                 "new_skills": [{"name": "legal", "description": "legal language"}],
                 "data": {}, "labels": {"from": "train"}}""");
        files().write("b.json", introducer);
        Declared declared = load();
        assertEquals(8, declared.skills().size());
        assertEquals(new Skill("legal", "legal language"), declared.skills().get("legal"));
        assertEquals(7, declared.skills().indexOf("legal"));
        assertEquals(List.of("legal", "general"), declared.get("chnsenticorp").skills());
    }

    @Test
    void loadFilesKeepsTheGivenOrder() {
        Path a = files().write("a.json", chnsenticorp());
        Path b = files().write("b.json", msraNer());
        assertEquals(List.of("msra_ner", "chnsenticorp"),
                TaskDeclarations.loadFiles(List.of(b, a), SkillTable.defaults()).names());
    }

    @Test
    void anEmptyDirectoryIsRejected() {
        files().writeText("notes.txt", "nothing here");
        assertEquals("no task declarations (*.json) in " + dir, loadFails().getMessage());
    }

    @Test
    void aMissingDirectoryIsRejected() {
        Path missing = dir.resolve("missing");
        var e = assertThrows(UserInputException.class,
                () -> TaskDeclarations.load(missing, SkillTable.defaults()));
        assertEquals(missing + ": no such directory", e.getMessage());
    }

    @Test
    void aDuplicateTaskNameNamesBothFiles() {
        Path first = files().write("a.json", chnsenticorp());
        Path second = files().write("b.json", chnsenticorp());
        var e = loadFails();
        assertEquals(second, e.file());
        assertEquals("task 'chnsenticorp' is declared twice, in " + first + " and in " + second, e.reason());
    }

    @Test
    void aNewSkillThatAlreadyExistsIsRejected() {
        JsonObject task = chnsenticorp();
        task.add("new_skills", JsonParser.parseString("[{\"name\": \"sentiment\", \"description\": \"x\"}]"));
        Path file = files().write("t.json", task);
        var e = loadFails();
        assertEquals(file, e.file());
        assertEquals("new skill 'sentiment' is already declared; list it under \"skills\" only", e.reason());
    }

    @Test
    void aNewSkillIntroducedByTwoFilesNamesBoth() {
        String legal = "[{\"name\": \"legal\", \"description\": \"legal language\"}]";
        JsonObject one = chnsenticorp();
        one.add("new_skills", JsonParser.parseString(legal));
        JsonObject two = msraNer();
        two.add("new_skills", JsonParser.parseString(legal));
        Path first = files().write("a.json", one);
        Path second = files().write("b.json", two);
        var e = loadFails();
        assertEquals(second, e.file());
        assertTrue(e.reason().startsWith("new skill 'legal' is already introduced by " + first), e.reason());
    }

    @Test
    void aNewSkillWithAnInvalidNameIsRejected() {
        JsonObject task = chnsenticorp();
        task.add("new_skills", JsonParser.parseString("[{\"name\": \"Legal\", \"description\": \"x\"}]"));
        files().write("t.json", task);
        assertTrue(loadFails().reason().startsWith("new_skills[0]: invalid skill name 'Legal'"));
    }

    @Test
    void theDeclaredTasksCanBeLookedUpByName() {
        files().write("t.json", chnsenticorp());
        var e = assertThrows(UserInputException.class, () -> load().get("afqmc"));
        assertEquals("unknown task 'afqmc'; declared tasks: chnsenticorp", e.getMessage());
    }

    @Test
    void theDataObjectCannotBeChangedFromOutside() {
        files().write("t.json", chnsenticorp());
        TaskDeclaration task = load().get("chnsenticorp");
        task.data().addProperty("dir", "elsewhere");
        assertEquals("chnsenticorp", task.data().get("dir").getAsString());
    }

    @Test
    void theFilesOnDiskAreLeftAlone() throws Exception {
        Path file = files().write("t.json", chnsenticorp());
        String before = Files.readString(file);
        load();
        assertEquals(before, Files.readString(file));
    }
}
