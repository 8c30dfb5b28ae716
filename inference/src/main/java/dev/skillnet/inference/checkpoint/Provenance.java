package dev.skillnet.inference.checkpoint;

import com.google.gson.FieldNamingPolicy;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import dev.skillnet.core.UserInputException;
import dev.skillnet.core.io.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Where a trained model came from, written as {@code provenance.json} into its folder and beside
 * the run's {@code results.json}: the software (project version and commit, DJL and PyTorch), when,
 * on what machine, and from which data (every file read, with its SHA-256 and example count).
 *
 * <p>It is a file of its own, not a field of {@code results.json}, so that results.json stays
 * byte-comparable between two runs of the same command.
 *
 * @param skillnet the project's version
 * @param commit the commit the code was built from, or {@code unknown}
 * @param djl DJL's version
 * @param pytorch the PyTorch engine's version
 * @param started when training began (ISO-8601, UTC)
 * @param finished when the run ended (ISO-8601, UTC)
 * @param machine where it ran
 * @param data every split read, with its files, in the order the tasks read them
 */
public record Provenance(String skillnet, String commit, String djl, String pytorch, String started,
        String finished, Machine machine, List<DataSplit> data) {

    /** The file's name. */
    public static final String FILE = "provenance.json";

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping()
            .setFieldNamingPolicy(FieldNamingPolicy.LOWER_CASE_WITH_UNDERSCORES).create();

    /** Copies the list. */
    public Provenance {
        data = List.copyOf(data);
    }

    /**
     * The machine a run used.
     *
     * @param cores processors available to the JVM
     * @param cpu the CPU's model name ({@code /proc/cpuinfo}), or {@code unknown}
     * @param os operating system, version and architecture
     * @param java the Java runtime's version
     */
    public record Machine(int cores, String cpu, String os, String java) {

        /** @return this machine */
        public static Machine current() {
            return new Machine(Runtime.getRuntime().availableProcessors(), cpuModel(),
                    System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                            + System.getProperty("os.arch"), System.getProperty("java.version"));
        }

        private static String cpuModel() {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                    if (line.startsWith("model name")) {
                        return line.substring(line.indexOf(':') + 1).strip();
                    }
                }
            } catch (IOException | RuntimeException e) {
                // not Linux, or not readable: unknown
            }
            return "unknown";
        }
    }

    /**
     * One split a run read.
     *
     * @param task the task
     * @param split the split
     * @param examples its examples
     * @param files the files it was read from, with their SHA-256 in hex
     */
    public record DataSplit(String task, String split, int examples, List<HashedFile> files) {

        /** Copies the list. */
        public DataSplit {
            files = List.copyOf(files);
        }
    }

    /**
     * @param path a data file
     * @param sha256 its SHA-256, in hex
     */
    public record HashedFile(String path, String sha256) {}

    /**
     * @param file a file
     * @return its SHA-256 in hex
     * @throws UserInputException when it cannot be read
     */
    public static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UserInputException(file, "cannot read: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * Writes {@value #FILE} into a folder, atomically.
     *
     * @param dir the folder
     * @throws IOException when writing fails
     */
    public void write(Path dir) throws IOException {
        AtomicFiles.writeString(dir.resolve(FILE), GSON.toJson(this) + "\n");
    }

    /**
     * @param dir a model or run folder
     * @return its provenance, or empty when it has none (trained before provenance was recorded)
     * @throws UserInputException when the file is there but malformed
     */
    public static Optional<Provenance> read(Path dir) {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(GSON.fromJson(Files.readString(file, StandardCharsets.UTF_8), Provenance.class));
        } catch (IOException e) {
            throw new UserInputException(file, "cannot read: " + e.getMessage(), e);
        } catch (JsonParseException | IllegalArgumentException e) {
            throw new UserInputException(file, "malformed provenance: " + e.getMessage(), e);
        }
    }

    /** @return one line for people: software, machine, time and data */
    public String summary() {
        int examples = data.stream().mapToInt(DataSplit::examples).sum();
        long files = data.stream().flatMap(s -> s.files().stream()).map(HashedFile::path).distinct().count();
        String shortCommit = commit.length() >= 12 && !commit.equals("unknown") ? commit.substring(0, 12) : commit;
        return "trained by SkillNet-J " + skillnet + " (commit " + shortCommit + "), DJL " + djl + ", PyTorch " + pytorch
                + ", on " + machine.cores() + " cores of " + machine.cpu() + ", " + started + " to " + finished
                + "; data: " + data.size() + " splits, " + files + " files, " + examples + " examples";
    }
}
