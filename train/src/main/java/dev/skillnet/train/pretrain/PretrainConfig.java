package dev.skillnet.train.pretrain;

import dev.skillnet.core.UserInputException;
import java.util.List;

/**
 * How to pre-train.
 *
 * @param steps optimiser steps (each one objective's batch)
 * @param batchSize texts (or pairs) per batch
 * @param learningRate peak learning rate
 * @param warmupFraction fraction of steps of linear warm-up
 * @param weightDecay AdamW decoupled weight decay
 * @param clipNorm global gradient norm to clip to (0: none)
 * @param maxLength tokens per input, special tokens included
 * @param maskProbability fraction of tokens chosen for masked-LM (80% [MASK], 10% random, 10% kept)
 * @param pairFraction fraction of steps given to the pair objective
 * @param pairObjective the pair objective
 * @param mlmSkills skills the masked-LM objective activates
 * @param pairSkills skills the pair objective activates
 * @param logEvery log progress every this many steps
 * @param seed seed for sampling, masking, dropout and initialisation
 */
public record PretrainConfig(int steps, int batchSize, double learningRate, double warmupFraction, double weightDecay,
        double clipNorm, int maxLength, double maskProbability, double pairFraction, PairObjective pairObjective,
        List<String> mlmSkills, List<String> pairSkills, int logEvery, long seed) {

    public PretrainConfig {
        mlmSkills = List.copyOf(mlmSkills);
        pairSkills = List.copyOf(pairSkills);
        require(steps > 0, "--steps must be positive, got " + steps);
        require(batchSize > 0, "--batch-size must be positive, got " + batchSize);
        require(learningRate > 0 && learningRate < 1, "--lr must be in (0, 1), got " + learningRate);
        require(warmupFraction >= 0 && warmupFraction < 1, "--warmup must be in [0, 1), got " + warmupFraction);
        require(maxLength >= 8, "--max-length must be at least 8, got " + maxLength);
        require(maskProbability > 0 && maskProbability < 1, "--mask-prob must be in (0, 1), got " + maskProbability);
        require(pairFraction >= 0 && pairFraction <= 1, "--pair-fraction must be in [0, 1], got " + pairFraction);
        require(!mlmSkills.isEmpty(), "--mlm-skills must name at least one skill");
        require(pairObjective == PairObjective.NONE || !pairSkills.isEmpty(), "--pair-skills must name at least one skill");
        require(logEvery > 0, "--log-every must be positive, got " + logEvery);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new UserInputException(message);
        }
    }

    /** @return whether any step goes to the pair objective */
    public boolean hasPairObjective() {
        return pairObjective != PairObjective.NONE && pairFraction > 0;
    }
}
