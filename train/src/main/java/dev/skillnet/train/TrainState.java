package dev.skillnet.train;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a run needs, beyond weights and optimiser moments, to continue exactly where it
 * stopped: the last finished step, the best dev average so far, the sampler's random state and
 * counts, each task's batch stream position, and every parameter's AdamW step count. Dropout
 * needs nothing here: its generator is re-seeded from (seed, step) at every step.
 *
 * @param step the last finished step
 * @param bestDevAverage the best dev average so far (negative infinity before any evaluation)
 * @param bestStep the step it was measured at (0 before any evaluation)
 * @param samplerState the task sampler's generator state
 * @param samplerCounts batches drawn per task so far, in the order of {@code tasks}
 * @param tasks the task names, in training order
 * @param streamEpochs each task's batch stream epoch
 * @param streamPositions each task's batch position within that epoch
 * @param adamSteps AdamW's step count per parameter
 */
public record TrainState(int step, double bestDevAverage, int bestStep, long samplerState, long[] samplerCounts,
        List<String> tasks, int[] streamEpochs, int[] streamPositions, Map<String, Integer> adamSteps) {

    /** Format marker written into state.json. */
    public static final int VERSION = 1;

    public TrainState {
        tasks = List.copyOf(tasks);
        adamSteps = Map.copyOf(adamSteps);
        if (samplerCounts.length != tasks.size() || streamEpochs.length != tasks.size()
                || streamPositions.length != tasks.size()) {
            throw new IllegalArgumentException("per-task state for " + tasks.size() + " tasks has lengths "
                    + samplerCounts.length + ", " + streamEpochs.length + ", " + streamPositions.length);
        }
    }

    /** @return this state as JSON (the sampler state as an unsigned hexadecimal string, so no bit is lost) */
    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("version", VERSION);
        o.addProperty("step", step);
        if (Double.isFinite(bestDevAverage)) {
            o.addProperty("best_dev_average", bestDevAverage);
        }
        o.addProperty("best_step", bestStep);
        o.addProperty("sampler_state", Long.toHexString(samplerState));
        JsonObject perTask = new JsonObject();
        for (int i = 0; i < tasks.size(); i++) {
            JsonObject t = new JsonObject();
            t.addProperty("batches_drawn", samplerCounts[i]);
            t.addProperty("stream_epoch", streamEpochs[i]);
            t.addProperty("stream_position", streamPositions[i]);
            perTask.add(tasks.get(i), t);
        }
        o.add("tasks", perTask);
        JsonObject adam = new JsonObject();
        adamSteps.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> adam.addProperty(e.getKey(), e.getValue()));
        o.add("adam_steps", adam);
        return o;
    }

    /**
     * Reads a state written by {@link #toJson()}.
     *
     * @param o the JSON
     * @return the state
     * @throws IllegalArgumentException when a field is missing or malformed
     */
    public static TrainState fromJson(JsonObject o) {
        int version = require(o, "version").getAsInt();
        if (version != VERSION) {
            throw new IllegalArgumentException("state version " + version + ", this build reads " + VERSION);
        }
        JsonObject perTask = require(o, "tasks").getAsJsonObject();
        int n = perTask.size();
        long[] counts = new long[n];
        int[] epochs = new int[n];
        int[] positions = new int[n];
        List<String> names = List.copyOf(perTask.keySet());
        for (int i = 0; i < n; i++) {
            JsonObject t = perTask.getAsJsonObject(names.get(i));
            counts[i] = require(t, "batches_drawn").getAsLong();
            epochs[i] = require(t, "stream_epoch").getAsInt();
            positions[i] = require(t, "stream_position").getAsInt();
        }
        Map<String, Integer> adam = new LinkedHashMap<>();
        require(o, "adam_steps").getAsJsonObject().entrySet().forEach(e -> adam.put(e.getKey(), e.getValue().getAsInt()));
        double best = o.has("best_dev_average") ? o.get("best_dev_average").getAsDouble() : Double.NEGATIVE_INFINITY;
        return new TrainState(require(o, "step").getAsInt(), best, require(o, "best_step").getAsInt(),
                Long.parseUnsignedLong(require(o, "sampler_state").getAsString(), 16), counts, names, epochs,
                positions, adam);
    }

    private static JsonElement require(JsonObject o, String key) {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) {
            throw new IllegalArgumentException("missing field '" + key + "'");
        }
        return e;
    }

}
