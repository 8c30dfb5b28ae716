package dev.skillnet.bench;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.skillnet.data.tokenize.BertTokenizer;
import dev.skillnet.tasks.run.Task;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs every measurement in one process and collects them as {@code bench.json} and a table. */
public final class Benchmark {

    private static final Logger LOG = LoggerFactory.getLogger(Benchmark.class);

    private final BenchConfig config;
    private final JsonObject json = new JsonObject();
    private final StringBuilder table = new StringBuilder();

    /** @param config what to measure */
    public Benchmark(BenchConfig config) {
        this.config = config;
    }

    /** The shapes every training and evaluation row is measured at. */
    private static final List<BenchShape> SHAPES = List.of(BenchShape.TINY, BenchShape.BGE, BenchShape.BASE);

    /** @return the measurements, as written to bench.json */
    public JsonObject run() {
        long start = System.nanoTime();
        if (config.soakBgeOnly()) {
            line("%s", MemorySoak.run(BenchShape.BGE, 2000, 1, json));
            json.addProperty("peak_rss_mib", Memory.peakRssMib());
            json.addProperty("seconds", (System.nanoTime() - start) / 1e9);
            return json;
        }
        if (config.updateOnly()) {
            update(config.quick() ? 4 : 10);
            json.addProperty("seconds", (System.nanoTime() - start) / 1e9);
            return json;
        }
        if (config.phasesOnly()) {
            phases();
            json.addProperty("seconds", (System.nanoTime() - start) / 1e9);
            return json;
        }
        json.addProperty("mode", config.quick() ? "quick" : "full");
        Map<String, Double> peak = new LinkedHashMap<>();
        for (BenchShape s : SHAPES) {
            peak.put(s.name(), GemmPeak.measure(s, config.quick() ? 0.7 : 2.0));
            LOG.info("fp32 GEMM at {} shapes: {} GFLOP/s", s.name(), f1(peak.get(s.name())));
        }
        double machinePeak = peak.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        json.addProperty("peak_gflops", machinePeak);
        json.add("peak_gflops_by_config", toJson(peak));
        line("fp32 GEMM peak: %.1f GFLOP/s (tiny shapes %.1f, bge-small-zh shapes %.1f, BERT-base shapes %.1f)%n",
                machinePeak, peak.get("tiny"), peak.get("bge"), peak.get("base"));

        // First, while the process holds nothing else: resident memory at steps 200 and 2000 must
        // reflect this training alone, not heap kept from the BERT-base models measured later.
        line("%s", MemorySoak.run(BenchShape.TINY, config.soak() ? 2000 : 200, 3, json));

        JsonArray train = new JsonArray();
        JsonObject bertBlock = new JsonObject();
        JsonObject breakdown = new JsonObject();
        JsonObject headToHead = new JsonObject();
        JsonArray eval = new JsonArray();
        line("%n%-6s %7s %9s %12s %8s %10s %10s%n", "config", "active", "declared", "tokens/s", "MFU",
                "s/step", "vs FLOPs");
        for (BenchShape s : SHAPES) {
            boolean base = s != BenchShape.TINY; // bge and BERT-base: fewer, longer steps
            // Warm-up matters at BERT-base: the first steps after a skill is activated allocate its
            // moments and page in fresh temporaries, and glibc raises its mmap threshold over the
            // first few steps (until then large temporaries are fresh, page-faulted mappings).
            // With 3 warm-up steps the measured mean was 8% above the steady state seen later in
            // the same run; measured steps must be the steady state.
            int warm = base ? (config.quick() ? 2 : 6) : 5;
            int measured = base ? (config.quick() ? 1 : 4) : (config.quick() ? 10 : 40);
            try (TrainStepBench bench = new TrainStepBench(s, 4)) {
                SkillCountSteps steps = alternateSkillCounts(bench, warm, measured);
                double[][] each = steps.each();
                TrainStepBench.StepPhases onePhases = steps.onePhases();
                double oneSkill = mean(each[0]);
                for (int k = 1; k <= 4; k++) {
                    double seconds = mean(each[k - 1]);
                    double predicted = oneSkill * s.trainingFlops(k) / s.trainingFlops(1);
                    double mfu = s.trainingFlops(k) / seconds / 1e9 / peak.get(s.name());
                    JsonObject row = new JsonObject();
                    row.addProperty("config", s.name());
                    row.addProperty("active_skills", k);
                    row.addProperty("declared_skills", 4);
                    row.addProperty("tokens_per_s", s.tokens() / seconds);
                    row.addProperty("mfu", mfu);
                    row.addProperty("step_seconds", seconds);
                    row.addProperty("flop_predicted_seconds", predicted);
                    row.add("each_s", toJson(each[k - 1]));
                    train.add(row);
                    line("%-6s %7d %9d %12.0f %8.3f %10.4f %+9.1f%%%n", s.name(), k, 4, s.tokens() / seconds, mfu,
                            seconds, 100 * (seconds / predicted - 1));
                }
                for (int k = 1; k <= 4; k++) { // evaluation: forward passes without gradients
                    bench.activate(k);
                    double seconds = bench.timeInference(base ? 2 : 5, base ? (config.quick() ? 2 : 6) : 20);
                    JsonObject row = new JsonObject();
                    row.addProperty("config", s.name());
                    row.addProperty("active_skills", k);
                    row.addProperty("tokens_per_s", s.tokens() / seconds);
                    row.addProperty("mfu", s.inferenceFlops(k) / seconds / 1e9 / peak.get(s.name()));
                    row.addProperty("pass_seconds", seconds);
                    eval.add(row);
                }
                bench.activate(1);
                breakdown.add(s.name(), breakdown(s, onePhases, StepProfile.of(bench), peak.get(s.name())));
                int pairs = base ? (config.quick() ? 1 : 5) : 20;
                Alternating h = headToHead(bench, s, warm, pairs);
                double ours = h.firstMedian();
                double block = h.secondMedian();
                bertBlock.addProperty(s.name(), s.tokens() / block);
                JsonObject o = new JsonObject();
                o.addProperty("steps_each", pairs);
                o.addProperty("skillnet_1_skill_tokens_per_s", s.tokens() / ours);
                o.addProperty("skillnet_1_skill_mfu", s.trainingFlops(1) / ours / 1e9 / peak.get(s.name()));
                o.addProperty("bertblock_tokens_per_s", s.tokens() / block);
                o.addProperty("bertblock_mfu", s.trainingFlops(1) / block / 1e9 / peak.get(s.name()));
                o.add("skillnet_each_s", toJson(h.first()));
                o.add("bertblock_each_s", toJson(h.second()));
                headToHead.add(s.name(), o);
                line("%-6s %17s %12.0f %8.3f %10.4f   (DJL BertBlock, dense; alternated with SkillNet 1 skill, %d "
                        + "steps each, medians: SkillNet %.0f tokens/s, MFU %.3f)%n", s.name(), "BertBlock",
                        s.tokens() / block, s.trainingFlops(1) / block / 1e9 / peak.get(s.name()), block, pairs,
                        s.tokens() / ours, s.trainingFlops(1) / ours / 1e9 / peak.get(s.name()));
            }
        }
        json.add("train", train);
        json.add("eval", eval);
        line("%n%-6s %7s %12s %8s %10s   (evaluation: forward passes, no gradients)%n", "config", "active", "tokens/s",
                "MFU", "s/pass");
        for (var e : eval) {
            JsonObject r = e.getAsJsonObject();
            line("%-6s %7d %12.0f %8.3f %10.4f%n", r.get("config").getAsString(), r.get("active_skills").getAsInt(),
                    r.get("tokens_per_s").getAsDouble(), r.get("mfu").getAsDouble(), r.get("pass_seconds").getAsDouble());
        }
        json.add("bertblock_tokens_per_s", bertBlock);
        json.add("head_to_head", headToHead);
        json.add("step_breakdown", breakdown);
        breakdown.entrySet().forEach(e -> line("%s", e.getValue().getAsJsonObject().get("summary").getAsString()));

        JsonObject sparsity = new JsonObject();
        if (config.quick()) {
            sparsity(BenchShape.TINY, 10, sparsity);
        } else {
            sparsity(BenchShape.BGE, 10, sparsity);
            sparsity(BenchShape.BASE, 5, sparsity);
        }
        json.add("sparsity_step_seconds", sparsity);
        update(config.quick() ? 4 : 10);
        tasks();
        json.addProperty("peak_rss_mib", Memory.peakRssMib());
        if (!config.quick()) {
            phases(); // last: it resets the peak that the line above reports
        }
        json.addProperty("seconds", (System.nanoTime() - start) / 1e9);
        line("%npeak resident memory %.0f MiB; benchmark took %.0f s%n", Memory.peakRssMib(),
                (System.nanoTime() - start) / 1e9);
        return json;
    }

    /** AdamW's update of a whole encoder, one pass against the engine's kernel, alternated (UpdateBench). */
    private void update(int pairs) {
        JsonObject byConfig = new JsonObject();
        for (BenchShape s : List.of(BenchShape.BGE, BenchShape.BASE)) {
            try (UpdateBench bench = new UpdateBench(s)) {
                Alternating t = bench.run(pairs);
                JsonObject o = new JsonObject();
                o.addProperty("parameters", bench.parameters());
                o.addProperty("updates_each", pairs);
                o.addProperty("one_pass_seconds", t.firstMedian());
                o.addProperty("engine_kernel_seconds", t.secondMedian());
                o.add("one_pass_each_s", toJson(t.first()));
                o.add("engine_kernel_each_s", toJson(t.second()));
                byConfig.add(s.name(), o);
                line("%nAdamW update (%s, %.1f M parameters, %d alternated updates each, medians): one pass %.4f s, "
                        + "engine kernel %.4f s (%.2f times)%n", s.name(), bench.parameters() / 1e6, pairs,
                        t.firstMedian(), t.secondMedian(), t.secondMedian() / t.firstMedian());
            }
        }
        json.add("update_seconds", byConfig);
    }

    /** Peak resident memory of each phase of a job, at BERT-base and bge-small-zh shapes (PhaseMemory). */
    private void phases() {
        com.google.gson.JsonArray rows = new com.google.gson.JsonArray();
        line("%npeak resident memory per phase (VmHWM reset before each; MiB at the start -> peak; eval tokens/s)%n");
        for (PhaseMemory.Setup setup : java.util.List.of(PhaseMemory.BGE_SEVEN_SKILLS, PhaseMemory.BASE_SEVEN_SKILLS)) {
            Path scratch;
            try {
                scratch = java.nio.file.Files.createTempDirectory("skillnet-bench-");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            JsonObject row = PhaseMemory.measure(setup, scratch);
            row.addProperty("setup", setup.name());
            row.addProperty("train_batch", setup.shape().batch() + "x" + setup.shape().length());
            row.addProperty("eval_batch", setup.evalBatch() + "x" + setup.shape().length());
            rows.add(row);
            line("%s (train %dx%d, eval %dx%d, %d of %d skills active):%n", setup.name(), setup.shape().batch(),
                    setup.shape().length(), setup.evalBatch(), setup.shape().length(), setup.active(), setup.declared());
            for (String phase : row.keySet()) {
                if (row.get(phase).isJsonObject()) {
                    JsonObject p = row.getAsJsonObject(phase);
                    line("  %-30s %7.0f -> %7.0f MiB  %6.1f s%s%n", phase, p.get("start_rss_mib").getAsDouble(),
                            p.get("peak_rss_mib").getAsDouble(), p.get("seconds").getAsDouble(),
                            p.has("tokens_per_s") ? String.format("  %.0f tokens/s", p.get("tokens_per_s").getAsDouble()) : "");
                }
            }
        }
        json.add("phase_memory", rows);
    }

    /**
     * Step time with 3 active skills out of 3 declared against 3 out of 12, the two models alive
     * side by side and their steps alternated (ABBA), so that drift in the machine's speed falls on
     * both alike. Reported as medians.
     */
    private void sparsity(BenchShape shape, int pairs, JsonObject byConfig) {
        int warm = shape == BenchShape.BASE ? 3 : 5;
        Alternating t;
        try (TrainStepBench of3 = new TrainStepBench(shape, 3); TrainStepBench of12 = new TrainStepBench(shape, 12)) {
            for (TrainStepBench b : List.of(of3, of12)) {
                b.activate(3);
                b.time(warm, 0, step -> { });
            }
            t = Alternating.run(() -> of3.time(0, 1, step -> { }), () -> of12.time(0, 1, step -> { }), pairs);
        }
        JsonObject sp = new JsonObject();
        sp.addProperty("3_of_3", t.firstMedian());
        sp.addProperty("3_of_12", t.secondMedian());
        sp.addProperty("config", shape.name());
        sp.addProperty("steps_each", pairs);
        sp.addProperty("change_percent", t.changePercent());
        sp.add("3_of_3_each", toJson(t.first()));
        sp.add("3_of_12_each", toJson(t.second()));
        byConfig.add(shape.name(), sp);
        line("%nsparsity (%s, %d alternated steps each, medians): 3 active of 3 declared %.4f s/step, 3 of 12 %.4f "
                + "s/step: %+.1f%%%n", shape.name(), pairs, t.firstMedian(), t.secondMedian(), t.changePercent());
    }

    /**
     * @param each each k's measured step seconds, k = 1 first
     * @param onePhases the mean phases of the 1-skill steps
     */
    private record SkillCountSteps(double[][] each, TrainStepBench.StepPhases onePhases) {}

    /**
     * Times 1, 2, 3 and 4 active skills in rounds (1 2 3 4, then 4 3 2 1, ...) after warming each,
     * so that drift in the machine's speed falls on every row alike; rows timed one after
     * another differed by up to 14% from the FLOP scaling in a run where the machine slowed.
     *
     * @return each k's measured steps, and the 1-skill steps' phases
     */
    private static SkillCountSteps alternateSkillCounts(TrainStepBench bench, int warm, int measured) {
        for (int k = 1; k <= 4; k++) {
            bench.activate(k);
            bench.time(warm, 0, step -> { });
        }
        double[][] each = new double[4][measured];
        double[] phases = new double[3];
        for (int r = 0; r < measured; r++) {
            for (int j = 0; j < 4; j++) {
                int k = r % 2 == 0 ? j + 1 : 4 - j;
                bench.activate(k);
                each[k - 1][r] = bench.time(0, 1, step -> { });
                if (k == 1) {
                    TrainStepBench.StepPhases p = bench.phases();
                    phases[0] += p.forward() / measured;
                    phases[1] += p.backward() / measured;
                    phases[2] += p.update() / measured;
                }
            }
        }
        return new SkillCountSteps(each, new TrainStepBench.StepPhases(phases[0], phases[1], phases[2]));
    }

    private static double mean(double[] values) {
        return Arrays.stream(values).average().orElseThrow();
    }

    /**
     * SkillNet's 1-skill step against DJL's BertBlock step, alternated, both models alive.
     *
     * @return the timings (first: SkillNet, second: BertBlock)
     */
    private static Alternating headToHead(TrainStepBench ours, BenchShape s, int warm, int pairs) {
        try (BertBlockBench block = new BertBlockBench(s)) {
            ours.activate(1);
            ours.time(1, 0, step -> { });
            block.time(warm, 0);
            return Alternating.run(() -> ours.time(0, 1, step -> { }), () -> block.time(0, 1), pairs);
        }
    }

    private static JsonArray toJson(double[] values) {
        JsonArray a = new JsonArray();
        for (double v : values) {
            a.add(v);
        }
        return a;
    }

    /**
     * The step's time split three ways: matrix multiplies (profiler self time), every other
     * forward and backward operator, and the update (clip and AdamW), from the wall-clock phases
     * of the timed steps and of one profiled step.
     */
    private static JsonObject breakdown(BenchShape s, TrainStepBench.StepPhases phases, StepProfile profile,
            double peak) {
        JsonObject o = new JsonObject();
        o.addProperty("forward_s", phases.forward());
        o.addProperty("backward_s", phases.backward());
        o.addProperty("update_s", phases.update());
        o.addProperty("step_s", phases.total());
        TrainStepBench.StepPhases p = profile.phases();
        JsonObject prof = new JsonObject();
        prof.addProperty("step_s", p.total());
        prof.addProperty("forward_s", p.forward());
        prof.addProperty("backward_s", p.backward());
        prof.addProperty("update_s", p.update());
        prof.addProperty("operator_self_s", profile.operatorSeconds());
        prof.addProperty("matmul_s", profile.matmulSeconds());
        double matmulRate = s.trainingFlops(1) / profile.matmulSeconds() / 1e9;
        prof.addProperty("matmul_gflops", matmulRate);
        prof.addProperty("matmul_fraction_of_peak", matmulRate / peak);
        prof.addProperty("other_forward_backward_s", profile.otherForwardBackwardSeconds());
        JsonArray top = new JsonArray();
        StringBuilder names = new StringBuilder();
        for (TraceSelfTime.OpTime op : profile.topOther(8)) {
            JsonObject t = new JsonObject();
            t.addProperty("op", op.name());
            t.addProperty("seconds", op.seconds());
            t.addProperty("calls", op.calls());
            top.add(t);
            names.append(String.format(Locale.ROOT, "%s %.3f s, ", op.name(), op.seconds()));
        }
        prof.add("top_other_ops", top);
        o.add("profiled_step", prof);
        o.addProperty("summary", String.format(Locale.ROOT,
                "%nstep breakdown (%s, 1 skill), timed steps: %.3f s = forward %.3f + backward %.3f + update "
                        + "(clip, AdamW) %.3f%n  one profiled step: %.3f s = matrix multiplies %.3f (%.1f GFLOP/s, "
                        + "%.0f%% of peak) + other forward/backward operators %.3f + update %.3f%n  largest other "
                        + "operators (update included): %s%n",
                s.name(), phases.total(), phases.forward(), phases.backward(), phases.update(), p.total(),
                profile.matmulSeconds(), matmulRate, 100 * matmulRate / peak, profile.otherForwardBackwardSeconds(),
                p.update(), names.substring(0, Math.max(0, names.length() - 2))));
        return o;
    }

    private void tasks() {
        List<Task<?, ?>> samples = TaskBenches.open(config.declarations(), config.samples(), TaskBenches.BY_TYPE);
        try (BertTokenizer tokenizer = TaskBenches.tokenizer(samples)) {
            Map<String, Double> inference = TaskBenches.inference(samples, tokenizer);
            json.add("inference_examples_per_s", toJson(inference));
            line("%ninference, tiny model, batch 64 (examples/s):%n");
            inference.forEach((k, v) -> line("  %-40s %10.0f%n", k, v));
            double encodes = TaskBenches.tokenizer(samples, tokenizer, config.quick() ? 1 : 3);
            json.addProperty("tokenizer_encodes_per_s", encodes);
            line("tokenizer: %.0f encodes/s (single texts, max length 128)%n", encodes);
        }
        boolean full = !config.quick() && config.fullData() != null
                && java.nio.file.Files.isDirectory(config.fullData());
        List<String> all = List.of("afqmc", "chnsenticorp", "cmrc2018", "msra_ner", "ocnli", "tnews");
        List<Task<?, ?>> data = TaskBenches.open(config.declarations(), full ? config.fullData() : config.samples(), all);
        try (BertTokenizer tokenizer = TaskBenches.tokenizer(data)) {
            Map<String, Double> waste = TaskBenches.paddingWaste(data, tokenizer, 32);
            JsonObject w = toJson(waste);
            w.addProperty("data", full ? config.fullData().toString() : config.samples().toString());
            json.add("padding_waste_percent", w);
            line("padding waste, length-bucketed batches of 32, %s: %s%n", full ? "full data" : "bundled samples",
                    format(waste));
        }
    }

    /** @return the printed table */
    public String table() {
        return table.toString();
    }

    private void line(String format, Object... args) {
        String s = String.format(Locale.ROOT, format, args);
        table.append(s);
        LOG.info(s.strip());
    }

    private static JsonObject toJson(Map<String, Double> values) {
        JsonObject o = new JsonObject();
        values.forEach(o::addProperty);
        return o;
    }

    private static String format(Map<String, Double> values) {
        List<String> parts = new ArrayList<>();
        values.forEach((k, v) -> parts.add(k + " " + String.format(Locale.ROOT, "%.1f%%", v)));
        return String.join(", ", parts);
    }

    private static String f1(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
