package dev.skillnet.train;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Everything a training job needs. Build one with {@link #builder()}: the out folder, declarations,
 * data and optimisation settings are required; the rest have the library's defaults.
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

    /** The encoder size from scratch unless told: {@code small}. */
    public static final String DEFAULT_SIZE = "small";

    /** Occurrences a character needs to enter a from-scratch vocabulary unless told. */
    public static final int DEFAULT_VOCAB_MIN_COUNT = 2;

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

    /** @return a builder with the library's defaults for every optional value */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds a {@link JobConfig}. Required: {@code setOut}, {@code setTasksDir}, {@code
     * setDataRoot}, {@code setTrain}. Optional, with their defaults: the built-in skill table, every
     * declared task, no pretrained start (from scratch), {@link #DEFAULT_SIZE}, skill routing in
     * every layer, and {@link #DEFAULT_VOCAB_MIN_COUNT}.
     */
    public static final class Builder {

        private Path out;
        private Path tasksDir;
        private Path dataRoot;
        private TrainConfig train;
        private Path skillsFile;
        private List<String> taskNames = List.of();
        private Path init;
        private ModelSize size = ModelSize.parse(DEFAULT_SIZE);
        private Routing routing = Routing.skills(List.of());
        private int vocabMinCount = DEFAULT_VOCAB_MIN_COUNT;

        private Builder() {}

        /** @param v the run folder @return this builder */
        public Builder setOut(Path v) {
            out = v;
            return this;
        }

        /** @param v the folder of task declarations @return this builder */
        public Builder setTasksDir(Path v) {
            tasksDir = v;
            return this;
        }

        /** @param v the folder holding each task's data folder @return this builder */
        public Builder setDataRoot(Path v) {
            dataRoot = v;
            return this;
        }

        /** @param v the optimisation settings ({@link TrainConfig#builder}) @return this builder */
        public Builder setTrain(TrainConfig v) {
            train = v;
            return this;
        }

        /** @param v a skill table file, or null for the built-in seven @return this builder */
        public Builder optSkillsFile(Path v) {
            skillsFile = v;
            return this;
        }

        /** @param v the tasks to train; empty for all declared @return this builder */
        public Builder optTaskNames(List<String> v) {
            taskNames = v;
            return this;
        }

        /** @param v a pretrained BERT folder to start from, or null to train from scratch @return this builder */
        public Builder optInit(Path v) {
            init = v;
            return this;
        }

        /** @param v the encoder size when training from scratch @return this builder */
        public Builder optSize(ModelSize v) {
            size = v;
            return this;
        }

        /** @param v the mode and where the skills (or experts) are @return this builder */
        public Builder optRouting(Routing v) {
            routing = v;
            return this;
        }

        /** @param v occurrences a character needs to enter a from-scratch vocabulary @return this builder */
        public Builder optVocabMinCount(int v) {
            vocabMinCount = v;
            return this;
        }

        /**
         * @return the job
         * @throws NullPointerException naming a required value that was not set
         */
        public JobConfig build() {
            return new JobConfig(Objects.requireNonNull(out, "out"), Objects.requireNonNull(tasksDir, "tasksDir"),
                    skillsFile, Objects.requireNonNull(dataRoot, "dataRoot"), taskNames, init, size, routing,
                    vocabMinCount, Objects.requireNonNull(train, "train"));
        }
    }
}
