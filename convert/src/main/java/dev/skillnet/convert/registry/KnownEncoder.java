package dev.skillnet.convert.registry;

import dev.skillnet.convert.trim.Trim;
import java.nio.file.Path;

/**
 * A pretrained encoder served by Maven Central as an ordinary artifact.
 *
 * @param name the name {@code --init} takes
 * @param groupId Maven group
 * @param artifactId Maven artifact
 * @param version Maven version
 * @param licence the model's licence (and the jar's, where they differ)
 * @param layers Transformer layers
 * @param hidden hidden size
 * @param heads attention heads
 * @param vocabulary wordpieces in the vocabulary
 * @param downloadBytes the jar's size
 * @param description what it is
 * @param trim what is cut from the jar's encoder after importing it ({@link Trim#NONE}: nothing)
 */
public record KnownEncoder(String name, String groupId, String artifactId, String version, String licence,
        int layers, int hidden, int heads, int vocabulary, long downloadBytes, String description, Trim trim) {

    /** An encoder imported as the jar has it. */
    public KnownEncoder(String name, String groupId, String artifactId, String version, String licence,
            int layers, int hidden, int heads, int vocabulary, long downloadBytes, String description) {
        this(name, groupId, artifactId, version, licence, layers, hidden, heads, vocabulary, downloadBytes, description,
                Trim.NONE);
    }

    /** @return {@code group:artifact:version} */
    public String coordinates() {
        return groupId + ":" + artifactId + ":" + version;
    }

    /** @return the jar's file name, {@code artifact-version.jar} */
    public String jarName() {
        return artifactId + "-" + version + ".jar";
    }

    /**
     * @param repository a Maven repository folder (such as {@code ~/.m2/repository})
     * @return where the jar sits in it
     */
    public Path jarIn(Path repository) {
        return repository.resolve(groupId.replace('.', '/')).resolve(artifactId).resolve(version).resolve(jarName());
    }

    /** @return the one command that puts the jar into the local Maven repository */
    public String fetchCommand() {
        return "mvn -q dependency:get -Dartifact=" + coordinates() + " -Dtransitive=false";
    }
}
