package dev.skillnet.bench;

import ai.djl.pytorch.jni.JniUtils;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import dev.skillnet.core.UserInputException;
import dev.skillnet.core.io.AtomicFiles;
import dev.skillnet.train.StepProfiler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Profiles a range of real training steps with PyTorch's profiler: each phase of a chosen step
 * (forward, backward, update) runs in its own profiler session with input shapes recorded, and
 * every operator's self time and every matrix multiply's operations are summed per task and
 * phase. Where {@code skillnet bench} measures random batches of one shape, this measures the
 * batches a run actually trains on.
 */
public final class TraceStepProfiler implements StepProfiler {

    /** The file written into the run folder. */
    public static final String FILE = "profile.json";

    private static final Logger LOG = LoggerFactory.getLogger(TraceStepProfiler.class);

    /** One phase of the step under way, until the step's task is known. */
    private record PhaseTrace(Phase phase, double seconds, List<TraceSelfTime.OpTime> ops) {}

    private final int firstStep;
    private final int lastStep;
    private final Map<String, TaskStepProfile> tasks = new LinkedHashMap<>();
    private final List<PhaseTrace> pending = new ArrayList<>();
    private Phase phase;
    private long phaseStart;

    /**
     * @param firstStep the first step to profile (1-based)
     * @param lastStep the last step to profile, at least {@code firstStep}
     */
    public TraceStepProfiler(int firstStep, int lastStep) {
        if (firstStep < 1 || lastStep < firstStep) {
            throw new UserInputException("--profile-steps: a range FIRST-LAST of steps with 1 <= FIRST <= LAST, got "
                    + firstStep + "-" + lastStep);
        }
        this.firstStep = firstStep;
        this.lastStep = lastStep;
    }

    /**
     * @param range {@code FIRST-LAST} or a single step
     * @return the profiler
     */
    public static TraceStepProfiler parse(String range) {
        String[] parts = range.trim().split("-", -1);
        try {
            if (parts.length == 1) {
                int s = Integer.parseInt(parts[0].trim());
                return new TraceStepProfiler(s, s);
            }
            if (parts.length == 2) {
                return new TraceStepProfiler(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UserInputException("--profile-steps: expected FIRST-LAST (steps, e.g. 101-140), got '" + range + "'");
    }

    /** @return the first step profiled */
    public int firstStep() {
        return firstStep;
    }

    @Override
    public boolean profiles(int step) {
        return step >= firstStep && step <= lastStep;
    }

    @Override
    public void begin(int step, Phase next) {
        if (phase != null) {
            stopPhase();
        }
        phase = next;
        JniUtils.startProfile(false, true, false);
        phaseStart = System.nanoTime();
    }

    @Override
    public void end(int step, String task, int inputs, int paddedTokens, int realTokens) {
        if (phase != null) {
            stopPhase();
        }
        TaskStepProfile profile = tasks.computeIfAbsent(task, t -> new TaskStepProfile());
        pending.forEach(p -> profile.add(p.phase(), p.seconds(), p.ops()));
        pending.clear();
        profile.addStep(inputs, paddedTokens, realTokens);
    }

    private void stopPhase() {
        double seconds = (System.nanoTime() - phaseStart) / 1e9;
        Path trace = null;
        try {
            trace = Files.createTempFile("skillnet-profile-", ".json");
            JniUtils.stopProfile(trace.toString());
            pending.add(new PhaseTrace(phase, seconds, TraceSelfTime.read(trace)));
        } catch (IOException e) {
            throw new UncheckedIOException("reading the profiler's trace", e);
        } finally {
            phase = null;
            if (trace != null) {
                try {
                    Files.deleteIfExists(trace);
                } catch (IOException ignored) {
                    // a temporary file left behind is harmless
                }
            }
        }
    }

    /** @return the profile: every task's, then all of them together under {@code "all"} */
    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("first_step", firstStep);
        o.addProperty("last_step", lastStep);
        JsonObject byTask = new JsonObject();
        tasks.forEach((name, p) -> byTask.add(name, p.toJson()));
        o.add("tasks", byTask);
        o.add("all", total().toJson());
        return o;
    }

    private TaskStepProfile total() {
        TaskStepProfile all = new TaskStepProfile();
        tasks.values().forEach(all::addAll);
        return all;
    }

    /**
     * Logs a line per task and writes {@value #FILE} into the run folder.
     *
     * @param runDir the run folder
     * @throws IOException if it cannot be written
     */
    public void write(Path runDir) throws IOException {
        if (tasks.isEmpty()) {
            LOG.warn("--profile-steps {}-{}: the run took none of these steps; no {} written", firstStep, lastStep,
                    FILE);
            return;
        }
        tasks.forEach((name, p) -> LOG.info("profile of {}", p.summary(name)));
        LOG.info("profile of {}", total().summary("all tasks"));
        AtomicFiles.writeString(runDir.resolve(FILE), new GsonBuilder().setPrettyPrinting().create().toJson(toJson()));
        LOG.info("wrote {}", runDir.resolve(FILE));
    }
}
