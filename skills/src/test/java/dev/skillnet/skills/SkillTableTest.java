package dev.skillnet.skills;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skillnet.core.UserInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SkillTableTest {

    @TempDir Path dir;

    private Path write(String text) throws IOException {
        return Files.writeString(dir.resolve("skills.json"), text);
    }

    private UserInputException loadFails(String text) throws IOException {
        Path file = write(text);
        var e = assertThrows(UserInputException.class, () -> SkillTable.load(file));
        assertEquals(file, e.file(), "the error names the file");
        return e;
    }

    @Test
    void theDefaultsAreTheSevenBundledSkillsInOrder() {
        SkillTable table = SkillTable.defaults();
        assertEquals(List.of("sequence", "token", "pair", "sentiment", "entity", "question", "general"),
                table.names());
        assertEquals(new Skill("sequence", "the meaning of a whole text"), table.get("sequence"));
        assertEquals(new Skill("token", "each token in context"), table.get("token"));
        assertEquals(new Skill("pair", "the relation between two texts"), table.get("pair"));
        assertEquals(new Skill("sentiment", "opinion and sentiment"), table.get("sentiment"));
        assertEquals(new Skill("entity", "names of people, places and organisations"), table.get("entity"));
        assertEquals(new Skill("question", "natural-language questions"), table.get("question"));
        assertEquals(new Skill("general", "always on"), table.get("general"));
    }

    @Test
    void lookUpByNameAndPosition() {
        SkillTable table = SkillTable.defaults();
        assertEquals(7, table.size());
        assertEquals(0, table.indexOf("sequence"));
        assertEquals(6, table.indexOf("general"));
        assertEquals(-1, table.indexOf("legal"));
        assertTrue(table.contains("entity"));
        assertFalse(table.contains("legal"));
        assertTrue(table.find("legal").isEmpty());
    }

    @Test
    void gettingAnUnknownSkillListsTheDeclaredOnes() {
        var e = assertThrows(UserInputException.class, () -> SkillTable.defaults().get("legal"));
        assertEquals("unknown skill 'legal'; declared skills: sequence, token, pair, sentiment, entity,"
                + " question, general", e.getMessage());
    }

    @Test
    void withAddedAppendsAndLeavesTheOriginalUnchanged() {
        SkillTable defaults = SkillTable.defaults();
        SkillTable extended = defaults.withAdded(new Skill("legal", "legal language"));
        assertEquals(8, extended.size());
        assertEquals(7, extended.indexOf("legal"));
        assertEquals(7, defaults.size());
        assertThrows(UserInputException.class, () -> extended.withAdded(new Skill("legal", "again")));
    }

    @Test
    void theTableIsImmutable() {
        assertThrows(UnsupportedOperationException.class,
                () -> SkillTable.defaults().skills().add(new Skill("legal", "x")));
        assertThrows(UnsupportedOperationException.class, () -> SkillTable.defaults().names().clear());
    }

    @Test
    void loadsAUsersFileInOrder() throws IOException {
        Path file = write("[{\"name\": \"legal\", \"description\": \"legal language\"},\n"
                + " {\"name\": \"general\", \"description\": \"always on\"}]");
        SkillTable table = SkillTable.load(file);
        assertEquals(List.of("legal", "general"), table.names());
        assertEquals("legal language", table.get("legal").description());
    }

    @Test
    void invalidJsonGivesLineAndColumn() throws IOException {
        var e = loadFails("[\n  {\"name\": \"legal\" \"description\": \"x\"}\n]");
        assertEquals(2, e.line());
        assertTrue(e.reason().startsWith("invalid JSON at column "), e.reason());
    }

    @Test
    void aMissingFieldIsNamed() throws IOException {
        var e = loadFails("[{\"name\": \"legal\"}]");
        assertEquals("skill #1: missing field \"description\"", e.reason());
    }

    @Test
    void anInvalidNameIsNamed() throws IOException {
        var e = loadFails("[{\"name\": \"Legal-Text\", \"description\": \"x\"}]");
        assertTrue(e.reason().startsWith("skill #1: invalid skill name 'Legal-Text'"), e.reason());
    }

    @Test
    void aDuplicateNameNamesBothOccurrences() throws IOException {
        var e = loadFails("[{\"name\": \"legal\", \"description\": \"a\"},"
                + " {\"name\": \"general\", \"description\": \"b\"},"
                + " {\"name\": \"legal\", \"description\": \"c\"}]");
        assertEquals("duplicate skill 'legal' (skill #1 and skill #3)", e.reason());
    }

    @Test
    void valuesOfTheWrongFormAreRejected() throws IOException {
        assertTrue(loadFails("{\"name\": \"legal\"}").reason().contains("expected a JSON array"));
        assertTrue(loadFails("[]").reason().contains("no skills"));
        assertTrue(loadFails("[\"legal\"]").reason().contains("skill #1: expected an object"));
        assertTrue(loadFails("[{\"name\": 3, \"description\": \"x\"}]").reason()
                .contains("field \"name\" must be a string"));
        assertTrue(loadFails("[{\"name\": \"legal\", \"description\": \"x\", \"size\": 2}]").reason()
                .contains("unknown field 'size'"));
    }
}
