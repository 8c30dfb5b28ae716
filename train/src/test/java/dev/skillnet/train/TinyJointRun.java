package dev.skillnet.train;

import ai.djl.ndarray.NDManager;
import dev.skillnet.data.tokenize.BertTokenizer;
import dev.skillnet.model.SkillNetModel;
import dev.skillnet.skills.SkillTable;
import dev.skillnet.tasks.run.Task;
import dev.skillnet.train.sampling.SamplingConfig;
import java.nio.file.Path;
import java.util.List;

/** A short joint run of a tiny model from scratch on chnsenticorp and tnews's samples (seed 7, batch 8). */
final class TinyJointRun {

    private TinyJointRun() {}

    /**
     * @param tmp a folder for the tokenizer
     * @param steps optimiser steps
     * @param profiler watches the steps it chooses
     * @return what the run did
     */
    static JointTrainer.Result run(Path tmp, int steps, StepProfiler profiler) {
        List<Task<?, ?>> tasks = BundledTasks.open("chnsenticorp", "tnews");
        try (NDManager manager = NDManager.newBaseManager();
                BertTokenizer tokenizer = ModelFactory.scratchTokenizer(tasks, 2, tmp)) {
            SkillNetModel model = ModelFactory.fromScratch(SkillTable.defaults(), List.of(), tasks,
                    ModelSize.parse("tiny"), tokenizer.vocabSize(), 7, manager);
            TrainConfig config = new TrainConfig(steps, 8, 1e-3, 0.1, 0.01, 1.0, 0, 100, 64, 7,
                    SamplingConfig.uniform());
            return new JointTrainer(model, tasks, tokenizer, config, manager).optStepProfiler(profiler)
                    .train((step, dev, avg) -> { });
        }
    }
}
