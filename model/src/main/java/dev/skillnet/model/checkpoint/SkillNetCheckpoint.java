package dev.skillnet.model.checkpoint;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.skillnet.core.UserInputException;
import dev.skillnet.core.io.AtomicFiles;
import dev.skillnet.model.SkillNetModel;
import dev.skillnet.model.bert.BertConfig;
import dev.skillnet.model.bert.BertModel;
import dev.skillnet.model.bert.SkillLayout;
import dev.skillnet.model.heads.HeadKind;
import dev.skillnet.model.heads.HeadSpec;
import dev.skillnet.model.heads.Pooling;
import dev.skillnet.model.nn.ParameterInit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A SkillNet model directory: {@code config.json} (HuggingFace BertConfig), {@code model.json}
 * (skills, skill layers, heads) and {@code model.safetensors} (every parameter under its
 * HuggingFace-style name). Files are written atomically; loading checks every tensor's presence
 * and shape.
 */
public final class SkillNetCheckpoint {

    /** The file describing skills and heads. */
    public static final String MODEL_JSON = "model.json";

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

    private SkillNetCheckpoint() {}

    /**
     * @param dir a directory
     * @return whether it holds a SkillNet model (as opposed to a plain HuggingFace BERT)
     */
    public static boolean isSkillNet(Path dir) {
        return Files.isRegularFile(dir.resolve(MODEL_JSON));
    }

    /**
     * Writes the model's three files into {@code dir}.
     *
     * @param model the model
     * @param dir the directory, created if needed
     * @throws IOException on a write failure
     */
    public static void save(SkillNetModel model, Path dir) throws IOException {
        Files.createDirectories(dir);
        model.bert().config().write(dir.resolve(BertCheckpoint.CONFIG));
        Map<String, NDArray> arrays = new LinkedHashMap<>();
        model.namedParameters().forEach((name, p) -> arrays.put(name, p.getArray()));
        SafetensorsWriter.writeArrays(dir.resolve(BertCheckpoint.WEIGHTS), arrays, Map.of("format", "pt"));
        AtomicFiles.writeString(dir.resolve(MODEL_JSON), GSON.toJson(describe(model)));
    }

    /**
     * Loads a SkillNet model directory.
     *
     * @param dir the directory
     * @param manager owns the weights
     * @return the model
     * @throws UserInputException for missing files, bad JSON or tensors that do not fit
     */
    public static SkillNetModel load(Path dir, NDManager manager) {
        BertCheckpoint.requireModelDirectory(dir);
        BertConfig config = BertConfig.read(dir.resolve(BertCheckpoint.CONFIG));
        SkillNetModel model = build(config, dir.resolve(MODEL_JSON));
        SafetensorsFile file = SafetensorsFile.open(dir.resolve(BertCheckpoint.WEIGHTS));
        Map<String, Shape> expected = model.namedShapes();
        List<String> problems = new ArrayList<>();
        for (var e : expected.entrySet()) {
            SafetensorsFile.Entry entry = file.entries().get(e.getKey());
            if (entry == null) {
                problems.add("missing: " + e.getKey() + " " + Arrays.toString(e.getValue().getShape()));
            } else if (!Arrays.equals(entry.shape(), e.getValue().getShape())) {
                problems.add("wrong shape: " + e.getKey() + ": checkpoint " + entry.shapeText() + ", model expects "
                        + Arrays.toString(e.getValue().getShape()));
            }
        }
        for (String key : file.entries().keySet()) {
            if (!expected.containsKey(key)) {
                problems.add("unexpected: " + key + " " + file.entries().get(key).shapeText());
            }
        }
        if (!problems.isEmpty()) {
            throw new UserInputException(file.file(), "checkpoint does not fit the model described by config.json "
                    + "and model.json:\n  " + String.join("\n  ", problems));
        }
        Map<String, Parameter> params = model.namedParameters();
        for (var e : expected.entrySet()) {
            ParameterInit.attach(params.get(e.getKey()), manager.create(file.readFloats(e.getKey()), e.getValue()));
        }
        return model;
    }

    private static JsonObject describe(SkillNetModel model) {
        JsonObject o = new JsonObject();
        SkillLayout layout = model.bert().layout();
        o.add("skills", GSON.toJsonTree(layout.skills()));
        o.add("skill_layers", GSON.toJsonTree(layout.skillLayers()));
        if (layout.experts() > 0) {
            o.addProperty("experts", layout.experts());
            o.addProperty("top_k", layout.topK());
        }
        JsonArray heads = new JsonArray();
        for (HeadSpec h : model.headSpecs()) {
            JsonObject j = new JsonObject();
            j.addProperty("task", h.task());
            j.addProperty("kind", h.kind().name().toLowerCase(java.util.Locale.ROOT));
            j.addProperty("outputs", h.outputs());
            j.addProperty("pooling", h.pooling().json());
            heads.add(j);
        }
        o.add("heads", heads);
        return o;
    }

    private static SkillNetModel build(BertConfig config, Path modelJson) {
        try {
            JsonObject o = JsonParser.parseString(Files.readString(modelJson)).getAsJsonObject();
            List<String> skills = new ArrayList<>();
            o.getAsJsonArray("skills").forEach(s -> skills.add(s.getAsString()));
            List<Integer> layers = new ArrayList<>();
            o.getAsJsonArray("skill_layers").forEach(l -> layers.add(l.getAsInt()));
            List<HeadSpec> heads = new ArrayList<>();
            for (var h : o.getAsJsonArray("heads")) {
                JsonObject j = h.getAsJsonObject();
                heads.add(new HeadSpec(j.get("task").getAsString(),
                        HeadKind.valueOf(j.get("kind").getAsString().toUpperCase(java.util.Locale.ROOT)),
                        j.get("outputs").getAsInt(),
                        j.has("pooling") ? Pooling.fromJson(j.get("pooling").getAsString()) : Pooling.CLS));
            }
            return new SkillNetModel(new BertModel(config, new SkillLayout(skills, layers,
                    o.has("experts") ? o.get("experts").getAsInt() : 0, o.has("top_k") ? o.get("top_k").getAsInt() : 0)), heads);
        } catch (IOException e) {
            throw new UserInputException(modelJson, "cannot read: " + e.getMessage(), e);
        } catch (JsonParseException | IllegalStateException | NullPointerException | IllegalArgumentException e) {
            throw new UserInputException(modelJson, "malformed model.json: " + e.getMessage(), e);
        }
    }
}
