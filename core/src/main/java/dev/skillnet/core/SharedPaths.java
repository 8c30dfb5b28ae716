package dev.skillnet.core;

import java.nio.file.Path;

/**
 * Where the project's shared, read-only material lives: the {@code shared/} folder beside the
 * repository, with {@code data/} (the six datasets) and {@code fixtures/}.
 *
 * <p>Resolved from the system property {@code skillnet.shared}, else the environment variable
 * {@code SKILLNET_SHARED}, else {@code ../shared} relative to the working directory.
 */
public final class SharedPaths {

    private SharedPaths() {}

    /** @return the shared folder */
    public static Path shared() {
        String p = System.getProperty("skillnet.shared");
        if (p == null || p.isBlank()) {
            p = System.getenv("SKILLNET_SHARED");
        }
        return Path.of(p == null || p.isBlank() ? "../shared" : p);
    }

    /** @return the datasets folder, {@code shared/data} */
    public static Path data() {
        return shared().resolve("data");
    }

    /**
     * @param name a fixture's folder name
     * @return {@code shared/fixtures/name}
     */
    public static Path fixture(String name) {
        return shared().resolve("fixtures").resolve(name);
    }
}
