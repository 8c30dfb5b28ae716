package dev.skillnet.cli;

import dev.skillnet.core.UserInputException;
import dev.skillnet.skills.SkillTable;
import dev.skillnet.tasks.declare.Declared;
import dev.skillnet.tasks.declare.TaskDeclaration;
import dev.skillnet.tasks.declare.TaskDeclarations;
import dev.skillnet.tasks.run.Task;
import dev.skillnet.train.JobConfig;
import dev.skillnet.train.ModelSize;
import dev.skillnet.train.pretrain.PairObjective;
import dev.skillnet.train.pretrain.PretrainConfig;
import dev.skillnet.train.pretrain.PretrainCorpus;
import dev.skillnet.train.pretrain.PretrainJob;
import dev.skillnet.train.pretrain.Pretrainer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code skillnet pretrain}: sparse skill pre-training with masked-LM and a pair objective. */
@Command(name = "pretrain", mixinStandardHelpOptions = true, defaultValueProvider = PretrainDefaults.class,
        description = {"Pre-train the encoder's skills sparsely: masked language modelling activates --mlm-skills,",
                "the pair objective (next-sentence or sentence-order prediction) activates --pair-skills, and",
                "each updates only what it ran. Text comes from --text files (one text per line) and/or the",
                "declared tasks' training texts. Writes a HuggingFace-layout folder (bert.*, cls.predictions.*,",
                "cls.seq_relationship.*) that 'skillnet train --init' and 'skillnet pretrain --init' start from."})
final class PretrainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write the pre-trained encoder to.")
    Path out;

    @Option(names = "--init", paramLabel = "DIR|NAME",
            description = "Continue from this model folder or known encoder (see skillnet models), its cls.* heads too when present.")
    String init;

    @Option(names = "--size", defaultValue = JobConfig.DEFAULT_SIZE, paramLabel = "SIZE",
            description = "Encoder size from scratch: tiny, small, base or H,L,A,I (default ${DEFAULT-VALUE}).")
    String size;

    @Option(names = "--text", paramLabel = "FILE", description = "Raw text, one text per line (repeatable).")
    List<Path> textFiles = new ArrayList<>();

    @Option(names = "--from-tasks", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Also use the declared tasks' training texts (default: yes; --no-from-tasks with --text).")
    boolean fromTasks;

    @Option(names = "--tasks", paramLabel = "DIR", description = "Folder of task declarations (default: the bundled declarations/).")
    Path tasksDir;

    @Option(names = "--task", split = ",", paramLabel = "NAME", description = "Use only these tasks' texts (default: all declared).")
    List<String> taskNames = new ArrayList<>();

    @Option(names = "--data", paramLabel = "DIR", description = "Data root holding each task's folder (default: ../shared/data).")
    Path dataRoot;

    @Option(names = "--skills", paramLabel = "FILE", description = "A skill table (default: the seven built-in skills).")
    Path skillsFile;

    @Option(names = "--mlm-skills", split = ",", paramLabel = "SKILL",
            description = "Skills masked-LM activates (default ${DEFAULT-VALUE}).")
    List<String> mlmSkills;

    @Option(names = "--pair-skills", split = ",", paramLabel = "SKILL",
            description = "Skills the pair objective activates (default ${DEFAULT-VALUE}).")
    List<String> pairSkills;

    @Option(names = "--pair-objective", description = "nsp, sop or none (default ${DEFAULT-VALUE}).")
    String pairObjective;

    @Option(names = "--pair-fraction", description = "Fraction of steps for the pair objective (default ${DEFAULT-VALUE}).")
    double pairFraction;

    @Option(names = "--steps", description = "Optimiser steps (default ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--batch-size", description = "Texts per batch (default ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--lr", description = "Peak learning rate (default ${DEFAULT-VALUE}).")
    double learningRate;

    @Option(names = "--warmup", description = "Fraction of steps of warm-up (default ${DEFAULT-VALUE}).")
    double warmup;

    @Option(names = "--weight-decay", description = "AdamW weight decay (default ${DEFAULT-VALUE}).")
    double weightDecay;

    @Option(names = "--clip-norm", description = "Global gradient norm clip (default ${DEFAULT-VALUE}).")
    double clipNorm;

    @Option(names = "--max-length", description = "Tokens per input (default ${DEFAULT-VALUE}).")
    int maxLength;

    @Option(names = "--mask-prob", description = "Fraction of tokens masked (default ${DEFAULT-VALUE}).")
    double maskProbability;

    @Option(names = "--vocab-min-count", defaultValue = "" + JobConfig.DEFAULT_VOCAB_MIN_COUNT, description = "From scratch: occurrences a character needs to enter the vocabulary (default ${DEFAULT-VALUE}).")
    int vocabMinCount;

    @Option(names = "--log-every", description = "Log progress every N steps (default ${DEFAULT-VALUE}).")
    int logEvery;

    @Option(names = "--seed", description = "Seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() {
        SkillTable skills = skillsFile == null ? SkillTable.defaults() : SkillTable.load(skillsFile);
        PretrainCorpus corpus = corpus(skills);
        PretrainConfig config = PretrainConfig.builder().optSteps(steps).optBatchSize(batchSize)
                .optLearningRate(learningRate).optWarmupFraction(warmup).optWeightDecay(weightDecay).optClipNorm(clipNorm)
                .optMaxLength(maxLength).optMaskProbability(maskProbability).optPairFraction(pairFraction)
                .optPairObjective(PairObjective.parse(pairObjective)).optMlmSkills(mlmSkills).optPairSkills(pairSkills)
                .optLogEvery(logEvery).optSeed(seed).build();
        Pretrainer.Result r = new PretrainJob(PretrainJob.Config.builder().setOut(out).setCorpus(corpus)
                .optInit(Encoders.folder(init, "--init")).optSize(ModelSize.parse(size)).optSkills(skills)
                .optVocabMinCount(vocabMinCount).optTrain(config).build()).run();
        var o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "masked-LM: %d steps, loss %.3f -> %.3f%n", r.mlmSteps(), mean(r.mlmLosses(), true),
                mean(r.mlmLosses(), false));
        if (r.pairSteps() > 0) {
            o.printf(Locale.ROOT, "%s: %d steps, loss %.3f -> %.3f, accuracy over the last 20%% of steps %.1f%%%n",
                    pairObjective, r.pairSteps(), mean(r.pairLosses(), true), mean(r.pairLosses(), false),
                    r.pairAccuracy());
        }
        o.println("wrote " + out + " (start fine-tuning from it with: skillnet train --init " + out + " ...)");
        o.flush();
        return 0;
    }

    private PretrainCorpus corpus(SkillTable skills) {
        PretrainCorpus corpus = new PretrainCorpus(List.of(), List.of());
        if (!textFiles.isEmpty()) {
            corpus = corpus.plus(PretrainCorpus.fromFiles(textFiles));
        }
        if (fromTasks) {
            Declared declared = TaskDeclarations.load(tasksDir == null ? Home.declarations() : tasksDir, skills);
            List<Task<?, ?>> tasks = new ArrayList<>();
            for (String n : taskNames) {
                if (declared.find(n).isEmpty()) {
                    throw new UserInputException("unknown task '" + n + "'; declared: " + declared.names());
                }
            }
            for (TaskDeclaration d : declared.tasks()) {
                if (taskNames.isEmpty() || taskNames.contains(d.name())) {
                    tasks.add(Task.open(d, dataRoot == null ? Home.data() : dataRoot));
                }
            }
            corpus = corpus.plus(PretrainCorpus.fromTasks(tasks));
        }
        if (corpus.texts().isEmpty()) {
            throw new UserInputException("no text to pre-train on: give --text FILE or declared tasks");
        }
        return corpus;
    }

    /** Mean of the first (or last) tenth of the values. */
    private static double mean(double[] values, boolean first) {
        int n = Math.max(1, values.length / 10);
        int from = first ? 0 : Math.max(0, values.length - n);
        double sum = 0;
        int count = 0;
        for (int i = from; i < Math.min(values.length, from + n); i++) {
            sum += values[i];
            count++;
        }
        return count == 0 ? Double.NaN : sum / count;
    }
}
