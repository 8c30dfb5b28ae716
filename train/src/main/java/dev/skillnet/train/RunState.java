package dev.skillnet.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.skillnet.core.UserInputException;
import dev.skillnet.core.io.AtomicFiles;
import dev.skillnet.model.checkpoint.SafetensorsFile;
import dev.skillnet.model.checkpoint.SafetensorsWriter;
import dev.skillnet.train.optim.AdamW;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The part of a resumable checkpoint beyond the model folder: the optimiser's moments in
 * {@code optimizer.safetensors} (as {@code <parameter>.exp_avg} and {@code <parameter>.exp_avg_sq},
 * PyTorch's names for Adam's state) and the {@link TrainState} in {@code state.json}. Written into
 * a {@link TrainedModel} folder while it is still under its temporary name, so the whole folder
 * appears at once or not at all.
 */
public final class RunState {

    /** The optimiser's moments. */
    public static final String OPTIMIZER = "optimizer.safetensors";
    /** Step, sampler, streams, step counts. */
    public static final String STATE = "state.json";

    private static final String MEAN = ".exp_avg";
    private static final String VARIANCE = ".exp_avg_sq";

    private RunState() {}

    /**
     * Writes the optimiser's moments and the state into a folder.
     *
     * @param dir the folder (the temporary one being assembled)
     * @param optimizer the optimiser
     * @param state the training state
     * @throws IOException when writing fails
     */
    public static void write(Path dir, AdamW optimizer, TrainState state) throws IOException {
        Map<String, NDArray> arrays = new LinkedHashMap<>();
        // by name, so that a resumed run writes the same file as an uninterrupted one (the
        // optimiser's own order is the order its moments were made or restored in)
        for (var e : new java.util.TreeMap<>(optimizer.mean()).entrySet()) {
            arrays.put(e.getKey() + MEAN, e.getValue());
            arrays.put(e.getKey() + VARIANCE, optimizer.variance().get(e.getKey()));
        }
        SafetensorsWriter.writeArrays(dir.resolve(OPTIMIZER), arrays, Map.of("format", "skillnet-adamw"));
        AtomicFiles.writeString(dir.resolve(STATE),
                new GsonBuilder().setPrettyPrinting().create().toJson(state.toJson()));
    }

    /**
     * Reads the training state of a resumable checkpoint.
     *
     * @param dir the checkpoint folder
     * @return its state
     */
    public static TrainState readState(Path dir) {
        Path file = dir.resolve(STATE);
        if (!Files.isRegularFile(file)) {
            throw new UserInputException(file, "no training state here: this folder cannot be resumed "
                    + "(a run writes it at every evaluation)");
        }
        try {
            return TrainState.fromJson(JsonParser.parseString(Files.readString(file)).getAsJsonObject());
        } catch (IOException e) {
            throw new UserInputException(file, "cannot read: " + e.getMessage(), e);
        } catch (JsonParseException | IllegalStateException | IllegalArgumentException | UnsupportedOperationException e) {
            throw new UserInputException(file, "malformed training state: " + e.getMessage(), e);
        }
    }

    /**
     * Puts the saved moments back into an optimiser, checking each against its parameter's shape.
     *
     * @param dir the checkpoint folder
     * @param optimizer a fresh optimiser
     * @param shapes every trainable parameter's shape, by name
     * @param steps each parameter's saved step count
     */
    public static void restoreOptimizer(Path dir, AdamW optimizer, Map<String, Shape> shapes,
            Map<String, Integer> steps) {
        SafetensorsFile file = SafetensorsFile.open(dir.resolve(OPTIMIZER));
        for (var e : steps.entrySet()) {
            String name = e.getKey();
            Shape shape = shapes.get(name);
            if (shape == null) {
                throw new UserInputException(dir.resolve(STATE), "optimiser state for unknown parameter " + name);
            }
            float[] m = read(file, name + MEAN, shape);
            float[] v = read(file, name + VARIANCE, shape);
            optimizer.restore(name, m, v, shape, e.getValue());
        }
        if (file.entries().size() != 2 * steps.size()) {
            throw new UserInputException(file.file(), file.entries().size() + " tensors for " + steps.size()
                    + " parameters in " + STATE + " (expected two each)");
        }
    }

    private static float[] read(SafetensorsFile file, String key, Shape shape) {
        SafetensorsFile.Entry entry = file.entries().get(key);
        if (entry == null) {
            throw new UserInputException(file.file(), "missing optimiser tensor " + key);
        }
        if (!java.util.Arrays.equals(entry.shape(), shape.getShape())) {
            throw new UserInputException(file.file(), "optimiser tensor " + key + " has shape " + entry.shapeText()
                    + ", its parameter " + shape);
        }
        return file.readFloats(key);
    }
}
