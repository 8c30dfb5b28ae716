package dev.skillnet.cli;

import java.nio.file.Path;

/** The installation's folder (set by the {@code ./skillnet} launcher) and what it bundles. */
final class Home {

    private Home() {}

    /** @return the repository root: system property {@code skillnet.home}, else the working directory */
    static Path root() {
        String home = System.getProperty("skillnet.home");
        return Path.of(home == null || home.isBlank() ? "." : home);
    }

    /** @return the bundled task declarations, {@code declarations/} */
    static Path declarations() {
        return root().resolve("declarations");
    }

    /** @return the default data root: {@code skillnet.shared}'s data folder, else {@code ../shared/data} */
    static Path data() {
        return dev.skillnet.core.SharedPaths.data();
    }

    /** @return the commit the installation's checkout is at, or {@code unknown} */
    static String commit() {
        return dev.skillnet.core.GitCommit.of(root());
    }

    /** @return the bundled demo samples, {@code data/samples} */
    static Path samples() {
        return root().resolve("data").resolve("samples");
    }
}
