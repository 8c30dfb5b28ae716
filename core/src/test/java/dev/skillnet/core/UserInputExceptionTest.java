package dev.skillnet.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class UserInputExceptionTest {

    @Test
    void messageNamesFileLineAndReason() {
        var e = new UserInputException(Path.of("data", "train.tsv"), 7, "row has 1 column, expected 2");
        assertEquals("data/train.tsv:7: row has 1 column, expected 2", e.getMessage());
        assertEquals(7, e.line());
        assertEquals("row has 1 column, expected 2", e.reason());
    }

    @Test
    void messageWithoutLineOrFile() {
        assertEquals("tasks/x.json: unknown skill 'foo'",
                new UserInputException(Path.of("tasks/x.json"), "unknown skill 'foo'").getMessage());
        assertEquals("--max-length must be positive", new UserInputException("--max-length must be positive").getMessage());
    }
}
