package dev.skillnet.cli;

import dev.skillnet.train.pretrain.PretrainConfig;
import java.util.Locale;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code skillnet pretrain}'s defaults, read from the library ({@link PretrainConfig#builder()}),
 * so that the help text's {@code ${DEFAULT-VALUE}} and the values used are the library's.
 */
final class PretrainDefaults implements IDefaultValueProvider {

    @Override
    public String defaultValue(ArgSpec arg) {
        if (!(arg instanceof OptionSpec option)) {
            return null;
        }
        PretrainConfig d = PretrainConfig.builder().build();
        return switch (option.longestName()) {
            case "--steps" -> String.valueOf(d.steps());
            case "--batch-size" -> String.valueOf(d.batchSize());
            case "--lr" -> String.valueOf(d.learningRate());
            case "--warmup" -> String.valueOf(d.warmupFraction());
            case "--weight-decay" -> String.valueOf(d.weightDecay());
            case "--clip-norm" -> String.valueOf(d.clipNorm());
            case "--max-length" -> String.valueOf(d.maxLength());
            case "--mask-prob" -> String.valueOf(d.maskProbability());
            case "--pair-fraction" -> String.valueOf(d.pairFraction());
            case "--pair-objective" -> d.pairObjective().name().toLowerCase(Locale.ROOT);
            case "--mlm-skills" -> String.join(",", d.mlmSkills());
            case "--pair-skills" -> String.join(",", d.pairSkills());
            case "--log-every" -> String.valueOf(d.logEvery());
            case "--seed" -> String.valueOf(d.seed());
            default -> null;
        };
    }
}
