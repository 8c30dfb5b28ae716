package dev.skillnet.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import dev.skillnet.model.SkillNetModel;
import dev.skillnet.model.bert.BertConfig;
import dev.skillnet.model.bert.BertModel;
import dev.skillnet.model.bert.SkillLayout;
import dev.skillnet.model.heads.HeadKind;
import dev.skillnet.model.heads.HeadSpec;
import dev.skillnet.model.nn.CrossEntropy;
import dev.skillnet.model.nn.ParameterInit;
import dev.skillnet.train.optim.AdamW;
import dev.skillnet.train.optim.UpdateStep;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntConsumer;

/**
 * Times SkillNet training steps exactly as the trainer takes them: one step-scoped manager,
 * forward with the active skills, cross-entropy on a two-class head over the pooled output,
 * backward, global-norm clipping and AdamW on the parameters that ran.
 */
final class TrainStepBench implements AutoCloseable {

    private final BenchShape shape;
    private final NDManager manager = NDManager.newBaseManager();
    private final SkillNetModel model;
    private final AdamW optimizer;
    private int[] active;
    private Map<String, Parameter> params;
    private final Random random = new Random(1);
    private final double[] phaseSeconds = new double[3];
    private int phaseSteps;

    /**
     * Where a step's time goes, as wall time between points where the CPU has finished the work
     * (PyTorch runs CPU operators synchronously).
     *
     * @param forward seconds from the batch to the loss value
     * @param backward seconds in the backward pass
     * @param update seconds collecting gradients, clipping and running AdamW
     */
    record StepPhases(double forward, double backward, double update) {
        double total() {
            return forward + backward + update;
        }
    }

    /**
     * @param shape sizes and batch
     * @param declared skills in every layer
     */
    TrainStepBench(BenchShape shape, int declared) {
        this.shape = shape;
        List<String> names = new ArrayList<>();
        for (int i = 0; i < declared; i++) {
            names.add("s" + i);
        }
        BertConfig config = BertConfig.of(shape.vocab(), shape.hidden(), shape.layers(), shape.heads(),
                shape.intermediate(), Math.max(512, shape.length()));
        model = new SkillNetModel(new BertModel(config, SkillLayout.everyLayer(names, shape.layers())),
                List.of(new HeadSpec("bench", HeadKind.SEQUENCE, 2)));
        ParameterInit.initialize(model, manager, 0.02, 7);
        optimizer = new AdamW(0.01, manager);
        activate(1);
    }

    /**
     * Makes the first {@code k} skills the active ones for the following steps.
     *
     * @param k how many skills run
     */
    void activate(int k) {
        active = new int[k];
        for (int i = 0; i < k; i++) {
            active[i] = i;
        }
        params = model.parametersFor("bench", active);
    }

    /** One training step on a random full-length batch. */
    void step() {
        try (NDManager scope = manager.newSubManager()) {
            NDList batch = shape.randomBatch(random, scope);
            NDArray inputIds = batch.get(0);
            NDArray types = batch.get(1);
            NDArray mask = batch.get(2);
            long[] y = new long[shape.batch()];
            for (int i = 0; i < y.length; i++) {
                y[i] = random.nextInt(2);
            }
            NDArray labels = scope.create(y);
            long t0 = System.nanoTime();
            long t1;
            long t2;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray logits = model.forward("bench", inputIds, types, mask, active, true).logits();
                NDArray loss = CrossEntropy.mean(logits, labels);
                loss.getFloat();
                t1 = System.nanoTime();
                gc.backward(loss);
                t2 = System.nanoTime();
            }
            UpdateStep.apply(params, optimizer, 1e-4, 1.0, scope);
            long t3 = System.nanoTime();
            phaseSeconds[0] += (t1 - t0) / 1e9;
            phaseSeconds[1] += (t2 - t1) / 1e9;
            phaseSeconds[2] += (t3 - t2) / 1e9;
            phaseSteps++;
        }
    }

    /** Forgets the phases recorded so far. */
    void resetPhases() {
        Arrays.fill(phaseSeconds, 0);
        phaseSteps = 0;
    }

    /** @return the mean phases of the steps since the last reset (each {@link #time} call resets) */
    StepPhases phases() {
        return new StepPhases(phaseSeconds[0] / phaseSteps, phaseSeconds[1] / phaseSteps,
                phaseSeconds[2] / phaseSteps);
    }

    /**
     * Runs warm-up steps, then times the measured ones.
     *
     * @param warmup untimed steps
     * @param measured timed steps
     * @param after called with each measured step's number (1-based, warm-up included)
     * @return seconds per measured step
     */
    double time(int warmup, int measured, IntConsumer after) {
        for (int i = 1; i <= warmup; i++) {
            step();
            after.accept(i);
        }
        resetPhases();
        long start = System.nanoTime();
        for (int i = 1; i <= measured; i++) {
            step();
            after.accept(warmup + i);
        }
        return (System.nanoTime() - start) / 1e9 / measured;
    }

    /**
     * Times inference forward passes (no gradients, dropout off) with the active skills, as
     * evaluation runs them.
     *
     * @param warmup untimed passes
     * @param measured timed passes
     * @return seconds per measured pass
     */
    double timeInference(int warmup, int measured) {
        long start = 0;
        for (int i = 0; i < warmup + measured; i++) {
            if (i == warmup) {
                start = System.nanoTime();
            }
            try (NDManager scope = manager.newSubManager()) {
                NDList batch = shape.randomBatch(random, scope);
                model.forward("bench", batch.get(0), batch.get(1), batch.get(2), active, false).logits().getFloat(0, 0);
            }
        }
        return (System.nanoTime() - start) / 1e9 / measured;
    }

    /** @return the model */
    SkillNetModel model() {
        return model;
    }

    /** @return the manager owning the model and the moments */
    NDManager manager() {
        return manager;
    }

    /** @return the active skills' indices */
    int[] active() {
        return active.clone();
    }

    /** @return NDArrays alive under this benchmark's manager (parameters, moments, leftovers) */
    int liveArrays() {
        return manager.getManagedArrays().size();
    }

    @Override
    public void close() {
        optimizer.close();
        manager.close();
    }
}
