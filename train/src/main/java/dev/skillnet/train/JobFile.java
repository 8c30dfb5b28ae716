package dev.skillnet.train;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.reflect.TypeToken;
import dev.skillnet.core.UserInputException;
import dev.skillnet.core.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A run's {@link JobConfig} as {@code job.json} in its run folder: written when the run starts,
 * read by {@code skillnet train --resume} so that the resumed run is the same run.
 */
public final class JobFile {

    /** The file's name inside a run folder. */
    public static final String NAME = "job.json";

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private JobFile() {}

    /**
     * Writes a job's configuration into its run folder, atomically.
     *
     * @param config the job
     * @throws IOException when writing fails
     */
    public static void write(JobConfig config) throws IOException {
        Files.createDirectories(config.out());
        AtomicFiles.writeString(config.out().resolve(NAME), GSON.toJson(toJson(config)));
    }

    /**
     * @param config a job
     * @return what {@link #write} writes
     */
    public static JsonObject toJson(JobConfig config) {
        JsonObject o = new JsonObject();
        o.addProperty("out", config.out().toAbsolutePath().normalize().toString());
        o.addProperty("tasks_dir", config.tasksDir().toAbsolutePath().normalize().toString());
        if (config.skillsFile() != null) {
            o.addProperty("skills_file", config.skillsFile().toAbsolutePath().normalize().toString());
        }
        o.addProperty("data_root", config.dataRoot().toAbsolutePath().normalize().toString());
        o.add("task_names", GSON.toJsonTree(config.taskNames()));
        if (config.init() != null) {
            o.addProperty("init", config.init().toAbsolutePath().normalize().toString());
        }
        o.add("size", GSON.toJsonTree(config.size()));
        o.addProperty("mode", config.routing().mode().label());
        o.add("skill_layers", GSON.toJsonTree(config.routing().skillLayers()));
        o.addProperty("experts", config.routing().experts());
        o.addProperty("top_k", config.routing().topK());
        o.addProperty("vocab_min_count", config.vocabMinCount());
        o.add("train", GSON.toJsonTree(config.train()));
        return o;
    }

    /**
     * Reads the job of a run folder.
     *
     * @param runDir the run folder (the {@code --out} of the original run)
     * @return the job, with {@code out} set to {@code runDir}
     */
    public static JobConfig read(Path runDir) {
        Path file = runDir.resolve(NAME);
        if (!Files.isRegularFile(file)) {
            throw new UserInputException(file, "not a run folder: no " + NAME + " (give the --out folder of a "
                    + "'skillnet train' run)");
        }
        try {
            JsonObject o = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
            return new JobConfig(runDir, Path.of(string(o, "tasks_dir")), optionalPath(o, "skills_file"),
                    Path.of(string(o, "data_root")),
                    GSON.fromJson(require(o, "task_names"), new TypeToken<List<String>>() {}.getType()),
                    optionalPath(o, "init"), GSON.fromJson(require(o, "size"), ModelSize.class),
                    new Routing(o.has("mode") ? Mode.parse(string(o, "mode")) : Mode.SKILL,
                            GSON.fromJson(require(o, "skill_layers"), new TypeToken<List<Integer>>() {}.getType()),
                            o.has("experts") ? o.get("experts").getAsInt() : 0,
                            o.has("top_k") ? o.get("top_k").getAsInt() : 0),
                    require(o, "vocab_min_count").getAsInt(), GSON.fromJson(require(o, "train"), TrainConfig.class));
        } catch (IOException e) {
            throw new UserInputException(file, "cannot read: " + e.getMessage(), e);
        } catch (JsonParseException | IllegalStateException | IllegalArgumentException | NullPointerException e) {
            throw new UserInputException(file, "malformed job file: " + e.getMessage(), e);
        }
    }

    private static JsonElement require(JsonObject o, String key) {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) {
            throw new IllegalArgumentException("missing field '" + key + "'");
        }
        return e;
    }

    private static String string(JsonObject o, String key) {
        return require(o, key).getAsString();
    }

    private static Path optionalPath(JsonObject o, String key) {
        return o.has(key) && !o.get(key).isJsonNull() ? Path.of(o.get(key).getAsString()) : null;
    }
}
