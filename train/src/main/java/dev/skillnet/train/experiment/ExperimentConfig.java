package dev.skillnet.train.experiment;

import dev.skillnet.core.UserInputException;
import dev.skillnet.train.JobConfig;
import dev.skillnet.train.Mode;
import dev.skillnet.train.pretrain.PretrainConfig;
import java.nio.file.Path;
import java.util.List;

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
 * @param extendSteps steps of each extension and of the new task trained from scratch
 */
public record ExperimentConfig(Path out, JobConfig template, List<Mode> modes, List<Long> seeds,
        PretrainConfig pretrain, String extendTask, int extendSteps) {

    public ExperimentConfig {
        modes = List.copyOf(modes);
        seeds = List.copyOf(seeds);
        if (modes.isEmpty() && pretrain == null && extendTask == null) {
            throw new UserInputException("nothing to run: no mode, no --pretrain-steps and no --extend");
        }
        if (seeds.isEmpty()) {
            throw new UserInputException("--seeds: give at least one seed");
        }
        if (extendTask != null && extendSteps < 1) {
            throw new UserInputException("--extend-steps must be positive");
        }
    }

    /**
     * An experiment without extension.
     *
     * @param out the experiment folder
     * @param template the training job every variant starts from
     * @param modes the modes to compare
     * @param seeds the seeds
     * @param pretrain sparse pre-training, or null
     */
    public ExperimentConfig(Path out, JobConfig template, List<Mode> modes, List<Long> seeds, PretrainConfig pretrain) {
        this(out, template, modes, seeds, pretrain, null, 0);
    }
}
