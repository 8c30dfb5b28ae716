package dev.skillnet.train;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything a training job needs, as given on the command line.
 *
 * @param out the run folder: {@code best/} (the best checkpoint), {@code results.json}, {@code results.md}
 * @param tasksDir the folder of task declarations
 * @param skillsFile a skill table, or {@code null} for the built-in seven
 * @param dataRoot the folder holding each task's data folder
 * @param taskNames the tasks to train; empty for all declared
 * @param init a pretrained BERT directory, or {@code null} to train from scratch
 * @param size the encoder size when training from scratch
 * @param routing the mode and where the skills (or experts) are
 * @param vocabMinCount the fewest occurrences a character needs to enter a from-scratch vocabulary
 * @param train the optimisation settings
 */
public record JobConfig(Path out, Path tasksDir, Path skillsFile, Path dataRoot, List<String> taskNames, Path init,
        ModelSize size, Routing routing, int vocabMinCount, TrainConfig train) {

    /** Copies the lists. */
    public JobConfig {
        taskNames = List.copyOf(taskNames);
    }

    /**
     * The same job with other values in a few places (for single-task runs and experiments).
     *
     * @param out the run folder
     * @param taskNames the tasks
     * @param init the start point, or null
     * @param routing the routing
     * @param train the optimisation settings
     * @return the job
     */
    public JobConfig with(Path out, List<String> taskNames, Path init, Routing routing, TrainConfig train) {
        return new JobConfig(out, tasksDir, skillsFile, dataRoot, taskNames, init, size, routing, vocabMinCount, train);
    }
}
