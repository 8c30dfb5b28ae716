package dev.skillnet.core;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Tests reach {@code ../shared} (datasets and the tiny BERT fixture) through here. Outside CI a
 * missing file skips the calling test with a message, so the suite runs on a machine without it;
 * with {@code CI=true} it fails the test instead, so that a CI run can never pass by skipping.
 */
public final class SharedFixtures {

    private SharedFixtures() {}

    /**
     * @param path a file or folder under {@code ../shared}
     * @param what what it is, for the message
     * @return {@code path}, which exists
     */
    public static Path require(Path path, String what) {
        if (Files.exists(path)) {
            return path;
        }
        String message = what + " not found at " + path.toAbsolutePath();
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail(message + "; CI=true, so a test that needs ../shared fails instead of skipping");
        }
        Assumptions.abort(message + "; skipping (set CI=true to fail instead)");
        return path;
    }
}
