package dev.skillnet.inference.checkpoint;

import ai.djl.ndarray.NDManager;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.skillnet.core.UserInputException;
import dev.skillnet.core.io.AtomicDirectory;
import dev.skillnet.core.io.AtomicFiles;
import dev.skillnet.data.tokenize.BertTokenizer;
import dev.skillnet.model.SkillNetModel;
import dev.skillnet.model.checkpoint.SkillNetCheckpoint;
import dev.skillnet.skills.Skill;
import dev.skillnet.skills.SkillTable;
import dev.skillnet.tasks.declare.Declared;
import dev.skillnet.tasks.declare.TaskDeclaration;
import dev.skillnet.tasks.declare.TaskDeclarations;
import dev.skillnet.tasks.kinds.LabelSet;
import dev.skillnet.tasks.run.Task;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A trained model directory that loads alone: the model ({@code config.json}, {@code model.json},
 * {@code model.safetensors}), its tokenizer ({@code tokenizer.json}, {@code vocab.txt}), the
 * skill table ({@code skills.json}), each task's declaration ({@code tasks/NAME.json}), the heads'
 * labels ({@code labels.json}) and what training reported ({@code training.json}).
 *
 * <p>Close it to free its native tokenizer; the weights belong to the manager given to {@link
 * #load}, and go when it closes.
 *
 * <p>A directory is written beside its destination under a temporary name and renamed into place,
 * so an interrupted save never leaves a half-written model where one is expected.
 *
 * @param model the model
 * @param tokenizer its tokenizer
 * @param declared the skills and task declarations
 * @param labels each task's head labels
 */
public record TrainedModel(SkillNetModel model, BertTokenizer tokenizer, Declared declared,
        Map<String, LabelSet> labels) implements AutoCloseable {

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    /**
     * Saves the model and everything needed to use it.
     *
     * @param dir the destination; replaced as a whole
     * @param tasks the tasks (declarations and labels)
     * @param skills the skill table
     * @param model the model
     * @param tokenizer the tokenizer
     * @param training what to record in training.json
     * @throws IOException on a write failure (the destination is then untouched)
     */
    public static void save(Path dir, List<Task<?, ?>> tasks, SkillTable skills, SkillNetModel model,
            BertTokenizer tokenizer, JsonObject training) throws IOException {
        save(dir, tasks, skills, model, tokenizer, training, tmp -> {});
    }

    /** Writes further files into a checkpoint folder before it is renamed into place. */
    @FunctionalInterface
    public interface Extra {
        /**
         * @param dir the temporary folder being assembled
         * @throws IOException when writing fails
         */
        void write(Path dir) throws IOException;
    }

    /**
     * Saves a self-contained model folder with further files, atomically (see the other overload).
     *
     * @param dir the folder to write (replaced if present)
     * @param tasks the trained tasks
     * @param skills the skill table
     * @param model the model
     * @param tokenizer its tokenizer
     * @param training what the run did (written as training.json)
     * @param extra writes further files into the folder
     * @throws IOException when writing fails
     */
    public static void save(Path dir, List<Task<?, ?>> tasks, SkillTable skills, SkillNetModel model,
            BertTokenizer tokenizer, JsonObject training, Extra extra) throws IOException {
        AtomicDirectory.write(dir, tmp -> {
            SkillNetCheckpoint.save(model, tmp);
            tokenizer.save(tmp);
            Files.createDirectories(tmp.resolve("tasks"));
            JsonObject labels = new JsonObject();
            for (Task<?, ?> t : tasks) {
                saveDeclaration(t.declaration(), tmp.resolve("tasks").resolve(t.name() + ".json"));
                labels.add(t.name(), GSON.toJsonTree(t.labels().labels()));
            }
            AtomicFiles.writeString(tmp.resolve("labels.json"), GSON.toJson(labels));
            JsonArray table = new JsonArray();
            for (Skill s : skills.skills()) {
                JsonObject o = new JsonObject();
                o.addProperty("name", s.name());
                o.addProperty("description", s.description());
                table.add(o);
            }
            AtomicFiles.writeString(tmp.resolve("skills.json"), GSON.toJson(table));
            AtomicFiles.writeString(tmp.resolve("training.json"), GSON.toJson(training));
            extra.write(tmp);
        });
    }

    /**
     * Copies a task's declaration file; when the task runs through other skills than its file lists
     * (a skill-set search picked them), the copy lists those instead, so that the saved model routes
     * as it was trained.
     */
    private static void saveDeclaration(TaskDeclaration declaration, Path to) throws IOException {
        JsonObject json = JsonParser.parseString(Files.readString(declaration.file())).getAsJsonObject();
        JsonArray skills = GSON.toJsonTree(declaration.skills()).getAsJsonArray();
        if (skills.equals(json.get("skills"))) {
            Files.copy(declaration.file(), to, StandardCopyOption.REPLACE_EXISTING);
        } else {
            json.add("skills", skills);
            AtomicFiles.writeString(to, GSON.toJson(json));
        }
    }

    /**
     * Loads a trained model directory.
     *
     * @param dir the directory
     * @param manager owns the weights
     * @return the model, tokenizer, declarations and labels
     * @throws UserInputException when the directory is missing, empty, incomplete or corrupt
     */
    public static TrainedModel load(Path dir, NDManager manager) {
        if (!Files.isDirectory(dir)) {
            throw new UserInputException(dir, "model directory does not exist");
        }
        if (!SkillNetCheckpoint.isSkillNet(dir)) {
            throw new UserInputException(dir, "not a trained SkillNet model: missing " + SkillNetCheckpoint.MODEL_JSON
                    + " (train one with 'skillnet train')");
        }
        SkillNetModel model = SkillNetCheckpoint.load(dir, manager);
        SkillTable skills = SkillTable.load(dir.resolve("skills.json"));
        Declared declared = TaskDeclarations.load(dir.resolve("tasks"), skills);
        Map<String, LabelSet> labels = readLabels(dir.resolve("labels.json"));
        for (TaskDeclaration d : declared.tasks()) {
            if (!labels.containsKey(d.name())) {
                throw new UserInputException(dir.resolve("labels.json"), "no labels for task " + d.name());
            }
            requireHeadPooling(model, d);
        }
        return new TrainedModel(model, BertTokenizer.fromDirectory(dir), declared, labels);
    }

    /**
     * A head reads what it was trained to read: a declaration edited after training (its
     * {@code "pooling"}) would otherwise feed the encoder rows the head does not expect.
     */
    private static void requireHeadPooling(SkillNetModel model, TaskDeclaration d) {
        model.headSpecs().stream().filter(h -> h.task().equals(d.name())).findFirst().ifPresent(h -> {
            if (h.pooling() != d.pooling()) {
                throw new UserInputException(d.file(), "field \"pooling\" is " + d.pooling().json()
                        + " but the model's head for task " + d.name() + " was trained with " + h.pooling().json());
            }
        });
    }

    /**
     * Opens the model's tasks over a data root.
     *
     * @param dataRoot where the tasks' data folders are
     * @param names the tasks to open; empty for all
     * @return the tasks, in declaration order
     */
    public List<Task<?, ?>> tasks(Path dataRoot, List<String> names) {
        List<Task<?, ?>> out = new ArrayList<>();
        for (String n : names) {
            if (declared.find(n).isEmpty()) {
                throw new UserInputException("unknown task '" + n + "'; the model has " + declared.names());
            }
        }
        for (TaskDeclaration d : declared.tasks()) {
            if (names.isEmpty() || names.contains(d.name())) {
                out.add(Task.open(d, dataRoot, labels.get(d.name())));
            }
        }
        return out;
    }

    private static Map<String, LabelSet> readLabels(Path file) {
        try {
            JsonObject o = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
            Map<String, LabelSet> out = new LinkedHashMap<>();
            for (var e : o.entrySet()) {
                List<String> l = new ArrayList<>();
                e.getValue().getAsJsonArray().forEach(x -> l.add(x.getAsString()));
                out.put(e.getKey(), new LabelSet(l));
            }
            return out;
        } catch (IOException e) {
            throw new UserInputException(file, "cannot read: " + e.getMessage(), e);
        } catch (JsonParseException | IllegalStateException | IllegalArgumentException e) {
            throw new UserInputException(file, "malformed labels.json: " + e.getMessage(), e);
        }
    }

    /** Frees the native tokenizer (the weights go with the manager they were loaded into). */
    @Override
    public void close() {
        tokenizer.close();
    }

    /**
     * Deletes a model folder and everything in it.
     *
     * @param dir the folder
     * @throws IOException when deleting fails
     */
    public static void delete(Path dir) throws IOException {
        AtomicDirectory.delete(dir);
    }
}
