package dev.skillnet.bench;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.skillnet.train.StepProfiler.Phase;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One task's profiled training steps, summed: its batches' sizes, and for each phase of a step the
 * wall time and every operator's self time and matrix-multiply operations.
 */
final class TaskStepProfile {

    /** Operators listed per phase in the written profile, largest self time first. */
    static final int TOP = 12;

    private long steps;
    private long inputs;
    private long paddedTokens;
    private long realTokens;
    private final Map<Phase, Double> wall = new EnumMap<>(Phase.class);
    private final Map<Phase, Map<String, TraceSelfTime.OpTime>> ops = new EnumMap<>(Phase.class);

    /**
     * Adds one phase of one step.
     *
     * @param phase the phase
     * @param seconds its wall time
     * @param phaseOps its operators' self times
     */
    void add(Phase phase, double seconds, List<TraceSelfTime.OpTime> phaseOps) {
        wall.merge(phase, seconds, Double::sum);
        Map<String, TraceSelfTime.OpTime> sums = ops.computeIfAbsent(phase, p -> new LinkedHashMap<>());
        for (TraceSelfTime.OpTime op : phaseOps) {
            sums.merge(op.name(), op, (a, b) -> new TraceSelfTime.OpTime(a.name(), a.seconds() + b.seconds(),
                    a.calls() + b.calls(), a.flops() + b.flops()));
        }
    }

    /**
     * Adds one step's batch.
     *
     * @param batchInputs its inputs
     * @param batchPadded inputs times the padded length
     * @param batchReal its real tokens
     */
    void addStep(int batchInputs, int batchPadded, int batchReal) {
        steps++;
        inputs += batchInputs;
        paddedTokens += batchPadded;
        realTokens += batchReal;
    }

    /** @param other another task's profile, added to this one (for the run's total) */
    void addAll(TaskStepProfile other) {
        steps += other.steps;
        inputs += other.inputs;
        paddedTokens += other.paddedTokens;
        realTokens += other.realTokens;
        other.wall.forEach((phase, s) -> add(phase, s, List.copyOf(other.ops.get(phase).values())));
    }

    long steps() {
        return steps;
    }

    /** @return wall seconds of every phase together */
    double seconds() {
        return wall.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** @return wall seconds of one phase */
    double seconds(Phase phase) {
        return wall.getOrDefault(phase, 0.0);
    }

    /** @return self seconds of the matrix multiplies, every phase */
    double matmulSeconds() {
        return ops.values().stream().flatMap(m -> m.values().stream())
                .filter(o -> TraceSelfTime.MATMUL.contains(o.name())).mapToDouble(TraceSelfTime.OpTime::seconds).sum();
    }

    /** @return counted floating-point operations of the matrix multiplies, every phase */
    double matmulFlops() {
        return ops.values().stream().flatMap(m -> m.values().stream()).mapToDouble(TraceSelfTime.OpTime::flops).sum();
    }

    /** @return one line for the log */
    String summary(String name) {
        double total = seconds();
        double mm = matmulSeconds();
        return String.format(Locale.ROOT,
                "%s: %d steps, %.3f s a step (forward %.0f%%, backward %.0f%%, update %.0f%%), %.2f ms a real token,"
                        + " padding %.1f%%; matrix multiplies %.0f%% of the time at %.1f GFLOP/s, %.1f GFLOP/s over the"
                        + " whole step", name, steps, total / Math.max(1, steps),
                pct(seconds(Phase.FORWARD), total), pct(seconds(Phase.BACKWARD), total), pct(seconds(Phase.UPDATE), total),
                realTokens == 0 ? 0 : 1000 * total / realTokens, paddedTokens == 0 ? 0 : pct(paddedTokens - realTokens,
                        paddedTokens), pct(mm, total), mm > 0 ? matmulFlops() / mm / 1e9 : 0,
                total > 0 ? matmulFlops() / total / 1e9 : 0);
    }

    private static double pct(double part, double whole) {
        return whole > 0 ? 100 * part / whole : 0;
    }

    /** @return the profile as written in {@code profile.json} */
    JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("steps", steps);
        o.addProperty("inputs", inputs);
        o.addProperty("padded_tokens", paddedTokens);
        o.addProperty("real_tokens", realTokens);
        double total = seconds();
        o.addProperty("seconds", round(total));
        o.addProperty("seconds_per_step", round(total / Math.max(1, steps)));
        o.addProperty("ms_per_real_token", realTokens == 0 ? 0 : round(1000 * total / realTokens));
        o.addProperty("matmul_seconds", round(matmulSeconds()));
        o.addProperty("matmul_gflop", round(matmulFlops() / 1e9));
        o.addProperty("matmul_gflops", matmulSeconds() > 0 ? round(matmulFlops() / matmulSeconds() / 1e9) : 0);
        o.addProperty("step_gflops", total > 0 ? round(matmulFlops() / total / 1e9) : 0);
        JsonObject phases = new JsonObject();
        for (Phase phase : Phase.values()) {
            if (!wall.containsKey(phase)) {
                continue;
            }
            List<TraceSelfTime.OpTime> sorted = new ArrayList<>(ops.get(phase).values());
            sorted.sort(Comparator.comparingDouble(TraceSelfTime.OpTime::seconds).reversed());
            JsonObject p = new JsonObject();
            p.addProperty("seconds", round(seconds(phase)));
            p.addProperty("operator_seconds", round(sorted.stream().mapToDouble(TraceSelfTime.OpTime::seconds).sum()));
            p.addProperty("matmul_seconds", round(sorted.stream().filter(op -> TraceSelfTime.MATMUL.contains(op.name()))
                    .mapToDouble(TraceSelfTime.OpTime::seconds).sum()));
            JsonArray top = new JsonArray();
            for (TraceSelfTime.OpTime op : sorted.subList(0, Math.min(TOP, sorted.size()))) {
                JsonObject t = new JsonObject();
                t.addProperty("op", op.name());
                t.addProperty("seconds", round(op.seconds()));
                t.addProperty("calls", op.calls());
                if (op.flops() > 0) {
                    t.addProperty("gflops", round(op.gflops()));
                }
                top.add(t);
            }
            p.add("top", top);
            phases.add(phase.name().toLowerCase(Locale.ROOT), p);
        }
        o.add("phases", phases);
        return o;
    }

    private static double round(double x) {
        return Math.round(x * 10_000) / 10_000.0;
    }
}
