package dev.skillnet.data.read;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import dev.skillnet.core.UserInputException;
import dev.skillnet.data.DataSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.function.Executable;

/** Small helpers for reader tests: data files in a temp folder and declarations from JSON. */
final class Fixtures {

    private Fixtures() {}

    static DataSpec spec(Path root, String json) {
        return DataSpec.parse(JsonParser.parseString(json).getAsJsonObject(),
                root.resolve("task.json"));
    }

    static Path write(Path root, String dir, String name, String content) {
        return writeBytes(root, dir, name, content.getBytes(StandardCharsets.UTF_8));
    }

    static Path writeBytes(Path root, String dir, String name, byte[] content) {
        try {
            Path folder = Files.createDirectories(root.resolve(dir));
            return Files.write(folder.resolve(name), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asserts a user-input error whose message starts with "file:line:" and has the parts. */
    static UserInputException assertError(Path file, long line, Executable run, String... parts) {
        UserInputException e = assertThrows(UserInputException.class, run);
        String prefix = line > 0 ? file.toAbsolutePath().normalize() + ":" + line + ": "
                : file.toAbsolutePath().normalize() + ": ";
        assertTrue(e.getMessage().startsWith(prefix), e.getMessage() + " should start with " + prefix);
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), e.getMessage() + " should contain " + part);
        }
        return e;
    }
}
