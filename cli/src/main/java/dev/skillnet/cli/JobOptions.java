package dev.skillnet.cli;

import dev.skillnet.train.JobConfig;
import dev.skillnet.train.Mode;
import dev.skillnet.train.ModelSize;
import dev.skillnet.train.Routing;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** What data, declarations and routing a training job uses: shared by {@code train} and {@code experiment}. */
final class JobOptions {

    @Option(names = "--tasks", paramLabel = "DIR", description = "Folder of task declarations (default: the bundled declarations/).")
    Path tasksDir;

    @Option(names = "--task", split = ",", paramLabel = "NAME", description = "Only these tasks (default: all declared).")
    List<String> taskNames = new ArrayList<>();

    @Option(names = "--skills", paramLabel = "FILE", description = "A skill table (default: the seven built-in skills).")
    Path skillsFile;

    @Option(names = "--data", paramLabel = "DIR", description = "Data root holding each task's folder (default: ../shared/data).")
    Path dataRoot;

    @Option(names = "--init", paramLabel = "DIR|NAME",
            description = "Start from a pretrained BERT: a HuggingFace folder, or a known encoder (bge-small-zh, mbert-zh, mbert-zh6, ...; see skillnet models); every skill starts as its feed-forward.")
    String init;

    /** @return the pretrained folder {@code --init} names (importing a known encoder once), or null */
    Path initFolder() {
        return Encoders.folder(init, "--init");
    }

    @Option(names = "--skill-layers", split = ",", paramLabel = "N",
            description = "Layers (0-based) whose feed-forward holds the skills; the others keep one shared feed-forward (default: every layer).")
    List<Integer> skillLayers = new ArrayList<>();

    @Option(names = "--experts", defaultValue = "0", description = "moe: experts per layer (default: as many as skills).")
    int experts;

    @Option(names = "--top-k", defaultValue = "2", description = "moe: experts per token (default ${DEFAULT-VALUE}).")
    int topK;

    @Option(names = "--vocab-min-count", defaultValue = "" + JobConfig.DEFAULT_VOCAB_MIN_COUNT, description = "From scratch: a character enters the vocabulary after this many occurrences (default ${DEFAULT-VALUE}).")
    int vocabMinCount;

    /**
     * @param out the run folder
     * @param size the encoder size from scratch
     * @param mode the routing mode
     * @param train the optimisation options (their defaults depend on whether {@code --init} is given)
     * @return the job
     */
    JobConfig toJob(Path out, String size, Mode mode, TrainOptions train) {
        Path initFolder = initFolder();
        return JobConfig.builder().setOut(out).setTasksDir(tasksDir == null ? Home.declarations() : tasksDir)
                .setDataRoot(dataRoot == null ? Home.data() : dataRoot).setTrain(train.toConfig(initFolder != null))
                .optSkillsFile(skillsFile).optTaskNames(taskNames).optInit(initFolder).optSize(ModelSize.parse(size))
                .optRouting(new Routing(mode, skillLayers, experts, topK)).optVocabMinCount(vocabMinCount).build();
    }
}
