package dev.skillnet.model.checkpoint;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import dev.skillnet.core.UserInputException;
import dev.skillnet.model.bert.BertConfig;
import dev.skillnet.model.bert.BertModel;
import dev.skillnet.model.bert.SkillLayout;
import dev.skillnet.model.nn.ParameterInit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads a HuggingFace BERT directory ({@code config.json}, {@code model.safetensors}) into a
 * {@link BertModel}, and saves one back under HuggingFace's names.
 *
 * <p>Loading is a rename ({@link HfNames}) and a shape check. Every missing, unexpected or
 * mis-shaped tensor is collected and reported together, by name and shape. The one thing forgiven
 * is a checkpoint with no pooler at all (embedding exports ship without one): the pooler then
 * starts freshly initialised, with one warning naming its two tensors, as HuggingFace does.
 * Nothing is downloaded.
 */
public final class BertCheckpoint {

    /** The weights file inside a model directory. */
    public static final String WEIGHTS = "model.safetensors";
    /** The configuration file inside a model directory. */
    public static final String CONFIG = "config.json";

    private static final Logger LOG = LoggerFactory.getLogger(BertCheckpoint.class);
    /** The pooler's parameters, the only ones a checkpoint may lack. */
    private static final List<String> POOLER = List.of("pooler.dense.weight", "pooler.dense.bias");
    /** Seeds a missing pooler's initial values, so that a load is repeatable. */
    private static final long POOLER_SEED = 0x9001;

    private BertCheckpoint() {}

    /**
     * Loads a pretrained BERT directory, giving each skill of {@code layout} a copy of the
     * checkpoint's feed-forward sub-layer unless the checkpoint has that skill's own weights.
     *
     * @param dir the model directory
     * @param skills the skills every layer should hold (empty for plain BERT)
     * @param manager owns the parameters
     * @return the loaded model
     * @throws UserInputException for a missing or empty directory, a bad config or a checkpoint
     *     that does not fit
     */
    public static BertModel load(Path dir, List<String> skills, NDManager manager) {
        requireModelDirectory(dir);
        BertConfig config = BertConfig.read(dir.resolve(CONFIG));
        BertModel model = new BertModel(config, SkillLayout.everyLayer(skills, config.numHiddenLayers()));
        loadInto(model, SafetensorsFile.open(dir.resolve(WEIGHTS)), manager);
        return model;
    }

    /**
     * Checks a directory exists and holds a model.
     *
     * @param dir the directory given with {@code --model} or {@code --init}
     */
    public static void requireModelDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new UserInputException(dir, "model directory does not exist");
        }
        List<String> missing = new ArrayList<>();
        for (String f : List.of(CONFIG, WEIGHTS)) {
            if (!Files.isRegularFile(dir.resolve(f))) {
                missing.add(f);
            }
        }
        if (!missing.isEmpty()) {
            String hint = Files.isRegularFile(dir.resolve("pytorch_model.bin"))
                    ? " (pytorch_model.bin is a pickle and is never read: convert it to model.safetensors)"
                    : "";
            throw new UserInputException(dir, "not a model directory: missing " + String.join(", ", missing) + hint);
        }
    }

    /**
     * Attaches the checkpoint's tensors to every parameter of {@code model}.
     *
     * @param model a model whose parameters have no arrays yet
     * @param file the checkpoint
     * @param manager owns the new arrays
     */
    public static void loadInto(BertModel model, SafetensorsFile file, NDManager manager) {
        Map<String, String> byCanonical = new LinkedHashMap<>();
        int skipped = 0;
        for (String key : file.entries().keySet()) {
            String c = HfNames.canonical(key);
            if (c == null) {
                skipped++;
            } else {
                byCanonical.put(c, key);
            }
        }
        Map<String, Shape> expected = model.namedShapes();
        Set<String> used = new HashSet<>();
        List<String> missing = new ArrayList<>();
        List<String> missingNames = new ArrayList<>();
        List<String> misshaped = new ArrayList<>();
        Map<String, String> source = new LinkedHashMap<>();
        for (var e : expected.entrySet()) {
            String name = e.getKey();
            String key = byCanonical.get(name);
            if (key == null && HfNames.skillFallback(name) != null) {
                key = byCanonical.get(HfNames.skillFallback(name));
            }
            if (key == null) {
                if (!(name.contains(".moe.gate.") && params(model).get(name).isInitialized())) {
                    missing.add(name + " " + Arrays.toString(e.getValue().getShape()));
                    missingNames.add(name);
                } // a mixture's gate is new: it keeps its initial values
                continue;
            }
            used.add(key);
            SafetensorsFile.Entry entry = file.entries().get(key);
            if (!Arrays.equals(entry.shape(), e.getValue().getShape())) {
                misshaped.add(key + ": checkpoint " + entry.shapeText() + ", model expects "
                        + Arrays.toString(e.getValue().getShape()));
            } else {
                source.put(name, key);
            }
        }
        Set<String> fallbackSources = new HashSet<>();
        for (String name : expected.keySet()) {
            String plain = HfNames.skillFallback(name);
            if (plain != null && byCanonical.containsKey(plain)) {
                fallbackSources.add(byCanonical.get(plain));
            }
        }
        List<String> unexpected = new ArrayList<>();
        int otherSkills = 0;
        for (String key : byCanonical.values()) {
            if (used.contains(key) || fallbackSources.contains(key)) {
                continue;
            }
            // A plain feed-forward beside skill layers is where skills absent from the file start;
            // skills the model does not hold (another mode, other layers) are left out on purpose.
            if (HfNames.skillFallback(HfNames.canonical(key)) != null) {
                otherSkills++;
            } else {
                unexpected.add(key + " " + file.entries().get(key).shapeText());
            }
        }
        if (otherSkills > 0) {
            LOG.info("{}: {} skill tensors left out (the model has no such skill in those layers)", file.file(),
                    otherSkills);
        }
        boolean freshPooler = missingNames.size() == POOLER.size() && missingNames.containsAll(POOLER);
        if (freshPooler) {
            LOG.warn("{}: the checkpoint has no pooler; {} are newly initialised (fine-tuning trains them)",
                    file.file(), String.join(" and ", missing));
            missing.clear();
        }
        if (!missing.isEmpty() || !unexpected.isEmpty() || !misshaped.isEmpty()) {
            StringBuilder msg = new StringBuilder("checkpoint does not fit the model described by config.json");
            append(msg, "missing", missing);
            append(msg, "unexpected", unexpected);
            append(msg, "wrong shape", misshaped);
            throw new UserInputException(file.file(), msg.toString());
        }
        Map<String, Parameter> params = model.namedParameters();
        if (freshPooler && !params.get(POOLER.get(0)).isInitialized()) {
            ParameterInit.initialize(model.pooler(), manager, model.config().initializerRange(), POOLER_SEED);
        }
        for (var e : source.entrySet()) {
            Shape shape = expected.get(e.getKey());
            ParameterInit.attach(params.get(e.getKey()), manager.create(file.readFloats(e.getValue()), shape));
        }
        LOG.debug("loaded {} tensors from {} ({} head tensors skipped)", source.size(), file.file(), skipped);
    }

    /**
     * Saves the model's weights as {@code model.safetensors} under its own names (HuggingFace's
     * without the {@code bert.} prefix) plus {@code config.json}.
     *
     * @param model the model
     * @param dir the directory, created if needed
     * @throws IOException on a write failure
     */
    public static void save(BertModel model, Path dir) throws IOException {
        Files.createDirectories(dir);
        model.config().write(dir.resolve(CONFIG));
        Map<String, ai.djl.ndarray.NDArray> arrays = new LinkedHashMap<>();
        model.namedParameters().forEach((name, p) -> arrays.put(name, p.getArray()));
        SafetensorsWriter.writeArrays(dir.resolve(WEIGHTS), arrays, Map.of("format", "pt"));
    }

    private static Map<String, Parameter> params(BertModel model) {
        return model.namedParameters();
    }

    private static void append(StringBuilder msg, String what, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        msg.append("\n  ").append(items.size()).append(' ').append(what).append(':');
        for (String item : items) {
            msg.append("\n    ").append(item);
        }
    }
}
