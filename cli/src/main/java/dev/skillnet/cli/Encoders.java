package dev.skillnet.cli;

import dev.skillnet.convert.registry.EncoderStore;
import dev.skillnet.convert.registry.KnownEncoders;
import dev.skillnet.core.UserInputException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Where the command line finds pretrained encoders: the local Maven repository
 * ({@code -Dmaven.repo.local}, else {@code ~/.m2/repository}), the jars on the class path, and the
 * cache of imported folders ({@code SKILLNET_CACHE} or {@code -Dskillnet.cache}, else
 * {@code ~/.cache/skillnet/encoders}).
 */
final class Encoders {

    private Encoders() {}

    /** @return the store, configured from the environment of this process */
    static EncoderStore store() {
        String home = System.getProperty("user.home");
        String repo = System.getProperty("maven.repo.local");
        String cache = System.getProperty("skillnet.cache", System.getenv("SKILLNET_CACHE"));
        List<Path> jars = Arrays.stream(System.getProperty("java.class.path", "").split(File.pathSeparator))
                .filter(s -> s.endsWith(".jar")).map(Path::of).toList();
        return new EncoderStore(
                repo == null || repo.isBlank() ? Path.of(home, ".m2", "repository") : Path.of(repo),
                jars,
                cache == null || cache.isBlank() ? Path.of(home, ".cache", "skillnet", "encoders") : Path.of(cache));
    }

    /**
     * What {@code --init} and {@code --model} take: a folder, or the name of a known encoder
     * (imported into the cache the first time).
     *
     * @param value the option's value, or {@code null}
     * @param option the option's name, for messages
     * @return the folder, or {@code null} when {@code value} is
     * @throws UserInputException for a name that is neither a folder nor a known encoder
     */
    static Path folder(String value, String option) {
        if (value == null) {
            return null;
        }
        Path path = Path.of(value);
        if (Files.exists(path)) {
            return path;
        }
        if (KnownEncoders.isKnown(value)) {
            return store().resolve(value);
        }
        if (!value.contains("/") && !value.contains(File.separator)) {
            try {
                KnownEncoders.byName(value);
            } catch (UserInputException e) {
                throw new UserInputException(option + " " + value + ": no such folder, and " + e.getMessage());
            }
        }
        return path;
    }
}
