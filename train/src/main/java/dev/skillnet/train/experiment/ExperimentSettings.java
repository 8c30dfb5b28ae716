package dev.skillnet.train.experiment;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.skillnet.core.UserInputException;
import dev.skillnet.core.io.AtomicFiles;
import dev.skillnet.train.JobFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * What an experiment's runs depend on besides their mode and seed, kept in
 * {@code OUT/experiment-settings.json}, so that an experiment run again into the same folder
 * reads its finished runs back only when they were made with the same settings: the job every
 * variant starts from (data, start, size, skill layers, training settings but the seed), the
 * pre-training, and the extension. Modes and seeds may differ: more seeds add runs.
 */
final class ExperimentSettings {

    /** The file's name inside the experiment folder. */
    static final String NAME = "experiment-settings.json";

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping()
            .serializeSpecialFloatingPointValues().create();

    private ExperimentSettings() {}

    /**
     * @param config an experiment
     * @return its settings, as JSON
     */
    static JsonObject of(ExperimentConfig config) {
        JsonObject job = JobFile.toJson(config.template());
        job.remove("out");
        job.remove("mode");
        job.getAsJsonObject("train").remove("seed");
        JsonObject o = new JsonObject();
        o.add("job", job);
        if (config.pretrain() != null) {
            JsonObject pretrain = GSON.toJsonTree(config.pretrain()).getAsJsonObject();
            pretrain.remove("seed");
            o.add("pretrain", pretrain);
        }
        if (config.extendTask() != null) {
            o.addProperty("extend_task", config.extendTask());
            o.addProperty("extend_steps", config.extendSteps());
            o.addProperty("extend_search_steps", config.extendSearchSteps());
        }
        return o;
    }

    /**
     * Records the experiment's settings in its folder, or checks them against those recorded.
     *
     * @param config the experiment
     * @throws UserInputException when the folder holds an experiment with other settings (naming the first that differs)
     */
    static void claim(ExperimentConfig config) {
        Path file = config.out().resolve(NAME);
        JsonObject now = of(config);
        try {
            if (Files.isRegularFile(file)) {
                JsonElement before;
                try {
                    before = JsonParser.parseString(Files.readString(file));
                } catch (RuntimeException e) {
                    throw new UserInputException(file, "not an experiment's settings: " + e.getMessage());
                }
                if (!before.equals(now)) {
                    throw new UserInputException(file, "this folder holds the runs of an experiment with other "
                            + "settings (" + firstDifference("", before, now) + "); give another --out, or delete the "
                            + "folder to start over");
                }
                return;
            }
            Files.createDirectories(config.out());
            AtomicFiles.writeString(file, GSON.toJson(now));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the experiment's settings in " + file, e);
        }
    }

    /** @return where two settings first differ, as {@code path: was X, now Y} */
    static String firstDifference(String path, JsonElement before, JsonElement now) {
        if (before != null && now != null && before.isJsonObject() && now.isJsonObject()) {
            JsonObject b = before.getAsJsonObject();
            JsonObject n = now.getAsJsonObject();
            for (String key : union(b, n)) {
                if (!Objects.equals(b.get(key), n.get(key))) {
                    return firstDifference(path.isEmpty() ? key : path + "." + key, b.get(key), n.get(key));
                }
            }
        }
        return path + ": was " + before + ", now " + now;
    }

    private static Set<String> union(JsonObject a, JsonObject b) {
        Set<String> keys = new LinkedHashSet<>(a.keySet());
        keys.addAll(b.keySet());
        return keys;
    }
}
