package dev.skillnet.train.experiment;

import dev.skillnet.core.UserInputException;
import dev.skillnet.train.JobConfig;
import dev.skillnet.train.Mode;
import dev.skillnet.train.pretrain.PretrainConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * An experiment: every mode with the template's data, size and step budget, for every seed.
 *
 * @param out the experiment folder
 * @param template the training job every variant starts from (its out, routing mode and seed are replaced)
 * @param modes the modes to compare
 * @param seeds the seeds
 * @param pretrain sparse pre-training before a further 'skill+pretrain' variant, or null for none
 * @param extendTask a task held out of the base models and added afterwards (the extension
 *     experiment), or null for none
 * @param extendSteps steps of each extension and of the new task trained alone
 * @param extendSearchSteps steps of each trial of a skill-set search for the new task before a
 *     further extension through the picked set; 0 for no search
 */
public record ExperimentConfig(Path out, JobConfig template, List<Mode> modes, List<Long> seeds,
        PretrainConfig pretrain, String extendTask, int extendSteps, int extendSearchSteps) {

    public ExperimentConfig {
        modes = List.copyOf(modes);
        seeds = List.copyOf(seeds);
        if (modes.isEmpty() && pretrain == null && extendTask == null) {
            throw new UserInputException("nothing to run: no mode, no pre-training and no task to extend with");
        }
        if (seeds.isEmpty()) {
            throw new UserInputException("seeds: give at least one");
        }
        if (extendTask != null && extendSteps < 1) {
            throw new UserInputException("extension steps must be positive");
        }
        if (extendSearchSteps < 0) {
            throw new UserInputException("steps per search trial must not be negative");
        }
        if (extendSearchSteps > 0 && extendTask == null) {
            throw new UserInputException("a skill-set search needs a task to extend with");
        }
    }

    /** @return a builder with the library's defaults for every optional value */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds an {@link ExperimentConfig}. Required: {@code setOut}, {@code setTemplate}. Optional:
     * the modes skill, single, dense and moe; seed 13; no pre-training; no extension, whose steps
     * default to a quarter of the template's.
     */
    public static final class Builder {

        private Path out;
        private JobConfig template;
        private List<Mode> modes = List.of(Mode.SKILL, Mode.SINGLE, Mode.DENSE, Mode.MOE);
        private List<Long> seeds = List.of(13L);
        private PretrainConfig pretrain;
        private String extendTask;
        private int extendSteps;
        private int extendSearchSteps;

        private Builder() {}

        /** @param v the experiment folder @return this builder */
        public Builder setOut(Path v) {
            out = v;
            return this;
        }

        /** @param v the training job every variant starts from (its out, routing mode and seed are replaced) @return this builder */
        public Builder setTemplate(JobConfig v) {
            template = v;
            return this;
        }

        /** @param v the modes to compare (may be empty when pre-training or extension is asked for) @return this builder */
        public Builder optModes(List<Mode> v) {
            modes = v;
            return this;
        }

        /** @param v the seeds @return this builder */
        public Builder optSeeds(List<Long> v) {
            seeds = v;
            return this;
        }

        /** @param v sparse pre-training before a 'skill+pretrain' variant, or null for none @return this builder */
        public Builder optPretrain(PretrainConfig v) {
            pretrain = v;
            return this;
        }

        /** @param v a task held out of the base models and added afterwards, or null for none @return this builder */
        public Builder optExtendTask(String v) {
            extendTask = v;
            return this;
        }

        /** @param v steps of each extension and of the new task trained alone (0: a quarter of the template's) @return this builder */
        public Builder optExtendSteps(int v) {
            extendSteps = v;
            return this;
        }

        /**
         * @param v steps of each search trial before a further extension through the picked
         *     skills; 0 (the default) for no search
         * @return this builder
         */
        public Builder optExtendSearchSteps(int v) {
            extendSearchSteps = v;
            return this;
        }

        /**
         * @return the experiment
         * @throws dev.skillnet.core.UserInputException when there is nothing to run or no seed
         */
        public ExperimentConfig build() {
            JobConfig t = Objects.requireNonNull(template, "template");
            int steps = extendSteps > 0 ? extendSteps : Math.max(1, t.train().steps() / 4);
            return new ExperimentConfig(Objects.requireNonNull(out, "out"), t, modes, seeds, pretrain, extendTask, steps,
                    extendSearchSteps);
        }
    }
}
