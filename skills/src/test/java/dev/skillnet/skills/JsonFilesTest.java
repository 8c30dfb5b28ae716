package dev.skillnet.skills;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skillnet.core.UserInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonFilesTest {

    @TempDir Path dir;

    private UserInputException failure(String text) throws IOException {
        Path file = Files.writeString(dir.resolve("x.json"), text);
        return assertThrows(UserInputException.class, () -> JsonFiles.read(file));
    }

    @Test
    void readsOneValue() throws IOException {
        Path file = Files.writeString(dir.resolve("x.json"), "{\"a\": [1, 2]}\n");
        assertEquals(2, JsonFiles.read(file).getAsJsonObject().getAsJsonArray("a").size());
    }

    @Test
    void aSyntaxErrorNamesFileLineAndColumn() throws IOException {
        var e = failure("{\n  \"a\": 1,\n}\n");
        assertEquals(dir.resolve("x.json"), e.file());
        assertEquals(3, e.line());
        assertTrue(e.getMessage().startsWith(dir.resolve("x.json") + ":3: invalid JSON at column 2:"),
                e.getMessage());
    }

    @Test
    void aTruncatedFileIsAnUnexpectedEnd() throws IOException {
        var e = failure("[\n  {\"name\": \"x\"");
        assertEquals(2, e.line());
        assertTrue(e.reason().contains("unexpected end of file"), e.reason());
    }

    @Test
    void commentsAndTextAfterTheValueAreRejected() throws IOException {
        assertTrue(failure("// note\n[1]").reason().contains("comments"));
        var e = failure("[1]\n[2]");
        assertEquals(2, e.line());
    }

    @Test
    void anEmptyFileIsRejected() throws IOException {
        assertTrue(failure("  \n").reason().contains("empty file"));
    }

    @Test
    void aMissingFileIsAUserError() {
        var e = assertThrows(UserInputException.class, () -> JsonFiles.read(dir.resolve("nope.json")));
        assertEquals(dir.resolve("nope.json") + ": no such file", e.getMessage());
    }
}
