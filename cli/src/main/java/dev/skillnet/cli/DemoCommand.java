package dev.skillnet.cli;

import dev.skillnet.convert.registry.KnownEncoders;
import dev.skillnet.core.UserInputException;
import dev.skillnet.eval.report.Report;
import dev.skillnet.skills.SkillTable;
import dev.skillnet.tasks.declare.TaskDeclaration;
import dev.skillnet.tasks.declare.TaskDeclarations;
import dev.skillnet.tasks.run.Task;
import dev.skillnet.train.JobConfig;
import dev.skillnet.train.ModelSize;
import dev.skillnet.train.Routing;
import dev.skillnet.train.TrainConfig;
import dev.skillnet.train.TrainDefaults;
import dev.skillnet.train.TrainingJob;
import dev.skillnet.train.pretrain.PretrainConfig;
import dev.skillnet.train.pretrain.PretrainCorpus;
import dev.skillnet.train.pretrain.PretrainJob;
import dev.skillnet.train.sampling.SamplingConfig;
import dev.skillnet.train.sampling.TaskOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code skillnet demo}: the main job on the bundled samples. By default the pretrained
 * bge-small-zh-v1.5 (imported once from its Maven jar) is fine-tuned on all six tasks jointly with
 * the skills in its top layers, and all six are evaluated in one run. {@code --from-scratch} trains
 * the tiny encoder of the earlier demo instead (H 64, 2 layers), optionally pre-trained sparsely
 * first ({@code --pretrain-steps}). docs/RESULTS.md says what each setting gained.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Fine-tune the pretrained bge-small-zh on the bundled samples of all six tasks jointly",
                "(data/samples, see data/NOTICE.md) and evaluate all six in one run; --from-scratch trains a tiny",
                "encoder from scratch instead. Writes runs/demo/results.json, runs/demo/results.md and the best",
                "checkpoint runs/demo/best."})
final class DemoCommand implements Callable<Integer> {

    /**
     * Fine-tuning: the skills sit in the top two of bge-small-zh's four layers; the two below keep
     * one shared feed-forward (each skill layer costs its active skills' feed-forwards per token).
     */
    static final List<Integer> FINE_TUNE_SKILL_LAYERS = List.of(2, 3);

    /**
     * Fine-tuning: optimiser steps of one task's batch each. 340 give every task the temperature's
     * share; at FINE_TUNE_TASK_WEIGHTS' shares 448 give afqmc, chnsenticorp, ocnli and tnews the
     * same batches as 340 would, msra_ner 3.4 times its own and cmrc2018 half of its own, in about
     * the seconds of the 365 steps before (docs/RESULTS.md 5.29).
     */
    static final int FINE_TUNE_STEPS = 448;

    /**
     * Fine-tuning: msra_ner's share of the batches at 3.4 times the temperature's, cmrc2018's at half.
     * A cmrc2018 batch (16 windows of up to 512 tokens) costs about 7 s, a msra_ner batch 0.8 s, and
     * msra_ner learns the most per batch of the six: the eleven cmrc2018 batches given up pay for
     * about 94 msra_ner batches, which gained it 9.1 points over seeds 13-15 for 1.3 of cmrc2018's F1
     * (docs/RESULTS.md 5.22, 5.23, 5.29).
     */
    static final Map<String, Double> FINE_TUNE_TASK_WEIGHTS = Map.of("msra_ner", 3.4, "cmrc2018", 0.5);

    /**
     * Fine-tuning: no dropout. A third of an epoch of the samples under-fits rather than over-fits,
     * and dropout cost the average 0.8 at seed 13 (docs/RESULTS.md 5.23).
     */
    static final double FINE_TUNE_DROPOUT = 0.0;

    /**
     * Fine-tuning: each task's batches spread through the steps at its share. Random draws of
     * so few steps stray from the shares (cmrc2018, due 23.5 batches, got 16 at seed 13), and the
     * demo's scores and minutes with them (docs/RESULTS.md 5.22).
     */
    static final TaskOrder FINE_TUNE_TASK_ORDER = TaskOrder.EVEN;

    /**
     * p_i proportional to the square root of n_i: cmrc2018's 234 training questions would get 2.5%
     * of proportional steps, too few for its score to settle (docs/RESULTS.md, section 1).
     */
    static final SamplingConfig SAMPLING = SamplingConfig.temperature(2);

    @Spec
    CommandSpec spec;

    @Option(names = "--out", defaultValue = "runs/demo", paramLabel = "DIR", description = "Run folder (default ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--from-scratch",
            description = "Train the tiny encoder of the first demo (H 64, 2 layers) from scratch instead of fine-tuning bge-small-zh.")
    boolean fromScratch;

    @Option(names = "--pretrain-steps", defaultValue = "0",
            description = "With --from-scratch: sparse pre-training steps before joint training; 0 skips it (default "
                    + "${DEFAULT-VALUE}: 2000 steps took 3.5 minutes and did not lift afqmc above its baseline, see "
                    + "docs/RESULTS.md).")
    int pretrainSteps;

    @Option(names = "--steps", description = "Joint training steps (default 448 fine-tuning, 6000 from scratch).")
    Integer steps;

    @Mixin
    TestEngineOption testEngine = new TestEngineOption();

    @Option(names = "--seed", defaultValue = "13", description = "Seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() {
        if (pretrainSteps > 0 && !fromScratch) {
            throw new UserInputException("--pretrain-steps pre-trains the tiny encoder of --from-scratch; "
                    + "the fine-tuning demo starts from bge-small-zh, which is pre-trained already");
        }
        Report report = new TrainingJob(fromScratch ? scratchJob() : fineTuningJob()).optCommit(Home.commit())
                .optTestEngine(testEngine.engine()).run();
        spec.commandLine().getOut().print(report.toTable());
        spec.commandLine().getOut().println("wrote " + out.resolve("results.json") + " and " + out.resolve("results.md"));
        spec.commandLine().getOut().flush();
        return 0;
    }

    private JobConfig fineTuningJob() {
        Path init = Encoders.folder(KnownEncoders.BGE_SMALL_ZH.name(), "demo");
        int n = steps == null ? FINE_TUNE_STEPS : steps;
        // batch 16, lr 2e-4 (heads 2e-3), temperature 2, as train --init, each task's batches spread at its
        // share (FINE_TUNE_TASK_ORDER); no dev evaluation: the fixed steps' last model is the one tested
        TrainConfig train = TrainConfig.builder(TrainDefaults.FINE_TUNING).optSteps(n).optSeed(seed)
                .optTaskWeights(FINE_TUNE_TASK_WEIGHTS).optTaskOrder(FINE_TUNE_TASK_ORDER)
                .optDropout(FINE_TUNE_DROPOUT).optSkipDev(true).build();
        return JobConfig.builder().setOut(out).setTasksDir(Home.declarations()).setDataRoot(Home.samples())
                .setTrain(train).optInit(init).optRouting(Routing.skills(FINE_TUNE_SKILL_LAYERS)).build();
    }

    private JobConfig scratchJob() {
        Path init = null;
        if (pretrainSteps > 0) {
            init = out.resolve("pretrained");
            List<Task<?, ?>> tasks = new ArrayList<>();
            for (TaskDeclaration d : TaskDeclarations.load(Home.declarations(), SkillTable.defaults()).tasks()) {
                tasks.add(Task.open(d, Home.samples()));
            }
            PretrainConfig pretrain = PretrainConfig.builder().optSteps(pretrainSteps).optLogEvery(250).optSeed(seed)
                    .build();
            new PretrainJob(PretrainJob.Config.builder().setOut(init).setCorpus(PretrainCorpus.fromTasks(tasks))
                    .optSize(ModelSize.parse("tiny")).optTrain(pretrain).build()).run();
        }
        // the tiny encoder learns fast: lr 1e-3, 6% warm-up, temperature-2 sampling, dev every 1000
        TrainConfig train = TrainConfig.builder(TrainDefaults.FROM_SCRATCH).optSteps(steps == null ? 6000 : steps)
                .optLearningRate(1e-3).optWarmupFraction(0.06).optEvalEvery(1000).optLogEvery(250).optSeed(seed)
                .optSampling(SAMPLING).build();
        return JobConfig.builder().setOut(out).setTasksDir(Home.declarations()).setDataRoot(Home.samples())
                .setTrain(train).optInit(init).optSize(ModelSize.parse("tiny")).build();
    }
}
