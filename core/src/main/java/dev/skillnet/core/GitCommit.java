package dev.skillnet.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the commit a checkout is at from its {@code .git} folder, without running git. */
public final class GitCommit {

    private GitCommit() {}

    /**
     * @param root a repository's root
     * @return the commit's 40 hex digits, or {@code unknown} when {@code root} is not a git checkout
     */
    public static String of(Path root) {
        Path git = root.resolve(".git");
        try {
            if (!Files.isDirectory(git)) {
                return "unknown";
            }
            String head = Files.readString(git.resolve("HEAD"), StandardCharsets.UTF_8).strip();
            if (!head.startsWith("ref: ")) {
                return head; // a detached HEAD holds the commit itself
            }
            String ref = head.substring(5).strip();
            Path loose = git.resolve(ref);
            if (Files.isRegularFile(loose)) {
                return Files.readString(loose, StandardCharsets.UTF_8).strip();
            }
            Path packed = git.resolve("packed-refs");
            if (Files.isRegularFile(packed)) {
                for (String line : Files.readAllLines(packed, StandardCharsets.UTF_8)) {
                    if (line.endsWith(" " + ref)) {
                        return line.substring(0, line.indexOf(' '));
                    }
                }
            }
            return "unknown";
        } catch (IOException e) {
            return "unknown";
        }
    }
}
