package dev.skillnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skillnet.train.pretrain.PretrainConfig;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code skillnet pretrain}: options not given take the library's defaults, and the help text states them. */
class PretrainDefaultsTest {

    @Test
    void optionsNotGivenTakeTheLibrarysDefaults() {
        PretrainCommand c = new PretrainCommand();
        new CommandLine(c).parseArgs("--out", "x");
        PretrainConfig d = PretrainConfig.builder().build();
        assertEquals(d.steps(), c.steps);
        assertEquals(d.batchSize(), c.batchSize);
        assertEquals(d.learningRate(), c.learningRate);
        assertEquals(d.warmupFraction(), c.warmup);
        assertEquals(d.weightDecay(), c.weightDecay);
        assertEquals(d.clipNorm(), c.clipNorm);
        assertEquals(d.maxLength(), c.maxLength);
        assertEquals(d.maskProbability(), c.maskProbability);
        assertEquals(d.pairFraction(), c.pairFraction);
        assertEquals(d.pairObjective().name().toLowerCase(Locale.ROOT), c.pairObjective);
        assertEquals(d.mlmSkills(), c.mlmSkills);
        assertEquals(d.pairSkills(), c.pairSkills);
        assertEquals(d.logEvery(), c.logEvery);
        assertEquals(d.seed(), c.seed);
    }

    @Test
    void givenOptionsWinAndTheHelpTextStatesTheDefaults() {
        PretrainCommand c = new PretrainCommand();
        new CommandLine(c).parseArgs("--out", "x", "--steps", "7", "--mlm-skills", "token");
        assertEquals(7, c.steps);
        assertEquals(List.of("token"), c.mlmSkills);
        String help = new CommandLine(new PretrainCommand()).getUsageMessage().replaceAll("\\s+", " "); // unwrapped
        PretrainConfig d = PretrainConfig.builder().build();
        assertTrue(help.contains("Optimiser steps (default " + d.steps() + ")"), help);
        assertTrue(help.contains("(default " + String.join(",", d.pairSkills()) + ")"), help);
    }
}
