package dev.skillnet.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import com.google.gson.JsonObject;
import dev.skillnet.core.io.AtomicDirectory;
import dev.skillnet.model.SkillNetModel;
import dev.skillnet.model.checkpoint.SkillNetCheckpoint;
import dev.skillnet.model.nn.NoGradient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Peak resident memory of each phase of a job, at one model size: evaluation, training steps,
 * saving a checkpoint and loading it; then, on the loaded model, evaluation with no autograd graph
 * (as the evaluator runs) against the same forward recording one. The peak ({@code VmHWM}) is reset before each phase, so each figure
 * is that phase's own peak; what was resident when it began is reported beside it.
 */
final class PhaseMemory {

    /**
     * Where and how big.
     *
     * @param name the row's name
     * @param shape model sizes and the training batch
     * @param declared skills in every layer
     * @param active skills that run
     * @param evalBatch sequences per evaluation batch (of {@code shape.length()} tokens)
     * @param evalBatches evaluation batches per measurement
     * @param trainSteps training steps (after one warm-up step)
     */
    record Setup(String name, BenchShape shape, int declared, int active, int evalBatch, int evalBatches,
            int trainSteps) {}

    /** BERT-base with the seven default skills in all 12 layers, three active. */
    static final Setup BASE_SEVEN_SKILLS = new Setup("BERT-base, 7 skills x 12 layers", BenchShape.BASE, 7, 3, 32, 4, 3);
    /** bge-small-zh's shapes (4 layers, hidden 512) with seven skills, three active, batch 16. */
    static final Setup BGE_SEVEN_SKILLS = new Setup("bge-small-zh shapes, 7 skills x 4 layers",
            BenchShape.BGE, 7, 3, 64, 4, 5);

    private PhaseMemory() {}

    /**
     * @param setup what to measure
     * @param scratch a folder for the checkpoint (deleted after)
     * @return per phase: peak and starting resident MiB, and seconds; evaluation also tokens/s
     */
    static JsonObject measure(Setup setup, Path scratch) {
        JsonObject out = new JsonObject();
        out.addProperty("peak_resettable", Memory.resetPeak());
        Path dir = scratch.resolve("checkpoint");
        BenchShape eval = new BenchShape(setup.shape().name(), setup.shape().hidden(), setup.shape().layers(),
                setup.shape().heads(), setup.shape().intermediate(), setup.shape().vocab(), setup.evalBatch(),
                setup.shape().length());
        int[] active;
        // The phases run in a job's order. glibc keeps memory a phase freed for the next one, so a
        // phase's start figure includes what came before; its own peak is the rise from there.
        try (TrainStepBench bench = new TrainStepBench(setup.shape(), setup.declared())) {
            bench.activate(setup.active());
            active = bench.active();
            out.addProperty("after_build_rss_mib", Memory.rssMib());
            out.add("evaluation", phase(() -> evaluate(bench.model(), bench.manager(), active, eval,
                    setup.evalBatches(), false)));
            out.add("training_steps", phase(() -> {
                bench.step(); // warm-up: the active skills' moments are allocated here
                for (int i = 0; i < setup.trainSteps(); i++) {
                    bench.step();
                }
                return setup.shape().tokens() * (setup.trainSteps() + 1);
            }));
            out.add("checkpoint_save", phase(() -> {
                try {
                    SkillNetCheckpoint.save(bench.model(), dir);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return 0;
            }));
        }
        try (NDManager manager = NDManager.newBaseManager()) {
            SkillNetModel[] loaded = new SkillNetModel[1];
            out.add("checkpoint_load", phase(() -> {
                loaded[0] = SkillNetCheckpoint.load(dir, manager);
                return 0;
            }));
            // Evaluation as the evaluator runs it (no autograd graph) against the same forward
            // recording a graph, alternated twice on the loaded model so drift falls on both.
            for (int round = 0; round < 2; round++) {
                out.add("evaluation_no_graph_" + round, phase(() -> evaluate(loaded[0], manager, active, eval,
                        setup.evalBatches(), false)));
                out.add("evaluation_recording_graph_" + round, phase(() -> evaluate(loaded[0], manager, active, eval,
                        setup.evalBatches(), true)));
            }
        }
        try {
            out.addProperty("checkpoint_bytes", Files.size(dir.resolve("model.safetensors")));
            AtomicDirectory.delete(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Runs {@code body} (returning the tokens it processed) between a peak reset and a peak reading. */
    private static JsonObject phase(java.util.function.LongSupplier body) {
        System.gc();
        JsonObject o = new JsonObject();
        Memory.resetPeak(); // VmHWM := VmRSS now
        o.addProperty("start_rss_mib", Memory.rssMib());
        long t0 = System.nanoTime();
        long tokens = body.getAsLong();
        double seconds = (System.nanoTime() - t0) / 1e9;
        o.addProperty("peak_rss_mib", Memory.peakRssMib());
        o.addProperty("seconds", seconds);
        if (tokens > 0) {
            o.addProperty("tokens_per_s", tokens / seconds);
        }
        return o;
    }

    /** Forward passes as the evaluator runs them (inference), with or without recording a graph. */
    private static long evaluate(SkillNetModel model, NDManager manager, int[] active, BenchShape eval, int batches,
            boolean recordGraph) {
        Random random = new Random(3);
        for (int b = 0; b < batches; b++) {
            try (NDManager scope = manager.newSubManager()) {
                NDList batch = eval.randomBatch(random, scope);
                if (recordGraph) {
                    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        forward(model, batch, active);
                    }
                } else {
                    try (NoGradient noGradient = NoGradient.enter()) {
                        forward(model, batch, active);
                    }
                }
            }
        }
        return eval.tokens() * batches;
    }

    private static void forward(SkillNetModel model, NDList batch, int[] active) {
        NDArray logits = model.forward("bench", batch.get(0), batch.get(1), batch.get(2), active, false).logits();
        logits.toFloatArray();
    }
}
