package dev.skillnet.train.pretrain;

import dev.skillnet.core.UserInputException;
import java.util.List;

/**
 * How to pre-train. Build one with {@link #builder()}; every value has the library's default.
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
        require(steps > 0, "steps must be positive, got " + steps);
        require(batchSize > 0, "batch size must be positive, got " + batchSize);
        require(learningRate > 0 && learningRate < 1, "learning rate must be in (0, 1), got " + learningRate);
        require(warmupFraction >= 0 && warmupFraction < 1, "warm-up fraction must be in [0, 1), got " + warmupFraction);
        require(maxLength >= 8, "max length must be at least 8, got " + maxLength);
        require(maskProbability > 0 && maskProbability < 1, "mask probability must be in (0, 1), got " + maskProbability);
        require(pairFraction >= 0 && pairFraction <= 1, "pair fraction must be in [0, 1], got " + pairFraction);
        require(!mlmSkills.isEmpty(), "masked-LM skills must name at least one skill");
        require(pairObjective == PairObjective.NONE || !pairSkills.isEmpty(), "pair skills must name at least one skill");
        require(logEvery > 0, "log every must be positive, got " + logEvery);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new UserInputException(message);
        }
    }

    /**
     * @param v another seed
     * @return the same configuration with that seed
     */
    public PretrainConfig withSeed(long v) {
        return new PretrainConfig(steps, batchSize, learningRate, warmupFraction, weightDecay, clipNorm, maxLength,
                maskProbability, pairFraction, pairObjective, mlmSkills, pairSkills, logEvery, v);
    }

    /** @return whether any step goes to the pair objective */
    public boolean hasPairObjective() {
        return pairObjective != PairObjective.NONE && pairFraction > 0;
    }

    /** @return a builder whose every value starts at the library's default */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds a {@link PretrainConfig}. Every value is optional: 3000 steps of 32 inputs of at most
     * 128 tokens, lr 1e-3 with 6% warm-up, weight decay 0.01, clipping at 1.0, 15% of tokens masked,
     * half the steps on next-sentence prediction, masked-LM through {@code token, general}, the
     * pair objective through {@code sequence, pair, general}, a progress line every 100 steps, seed 13.
     */
    public static final class Builder {

        private int steps = 3000;
        private int batchSize = 32;
        private double learningRate = 1e-3;
        private double warmupFraction = 0.06;
        private double weightDecay = 0.01;
        private double clipNorm = 1.0;
        private int maxLength = 128;
        private double maskProbability = 0.15;
        private double pairFraction = 0.5;
        private PairObjective pairObjective = PairObjective.NSP;
        private List<String> mlmSkills = List.of("token", "general");
        private List<String> pairSkills = List.of("sequence", "pair", "general");
        private int logEvery = 100;
        private long seed = 13;

        private Builder() {}

        /** @param v optimiser steps @return this builder */
        public Builder optSteps(int v) {
            steps = v;
            return this;
        }

        /** @param v texts (or pairs) per batch @return this builder */
        public Builder optBatchSize(int v) {
            batchSize = v;
            return this;
        }

        /** @param v the peak learning rate @return this builder */
        public Builder optLearningRate(double v) {
            learningRate = v;
            return this;
        }

        /** @param v the fraction of steps of warm-up @return this builder */
        public Builder optWarmupFraction(double v) {
            warmupFraction = v;
            return this;
        }

        /** @param v AdamW's weight decay @return this builder */
        public Builder optWeightDecay(double v) {
            weightDecay = v;
            return this;
        }

        /** @param v the global gradient norm to clip to, 0 for none @return this builder */
        public Builder optClipNorm(double v) {
            clipNorm = v;
            return this;
        }

        /** @param v tokens per input, special tokens included @return this builder */
        public Builder optMaxLength(int v) {
            maxLength = v;
            return this;
        }

        /** @param v the fraction of tokens chosen for masked-LM @return this builder */
        public Builder optMaskProbability(double v) {
            maskProbability = v;
            return this;
        }

        /** @param v the fraction of steps given to the pair objective @return this builder */
        public Builder optPairFraction(double v) {
            pairFraction = v;
            return this;
        }

        /** @param v the pair objective @return this builder */
        public Builder optPairObjective(PairObjective v) {
            pairObjective = v;
            return this;
        }

        /** @param v the skills masked-LM activates @return this builder */
        public Builder optMlmSkills(List<String> v) {
            mlmSkills = v;
            return this;
        }

        /** @param v the skills the pair objective activates @return this builder */
        public Builder optPairSkills(List<String> v) {
            pairSkills = v;
            return this;
        }

        /** @param v steps between progress lines @return this builder */
        public Builder optLogEvery(int v) {
            logEvery = v;
            return this;
        }

        /** @param v the seed @return this builder */
        public Builder optSeed(long v) {
            seed = v;
            return this;
        }

        /**
         * @return the configuration
         * @throws dev.skillnet.core.UserInputException naming a value out of range
         */
        public PretrainConfig build() {
            return new PretrainConfig(steps, batchSize, learningRate, warmupFraction, weightDecay, clipNorm, maxLength,
                    maskProbability, pairFraction, pairObjective, mlmSkills, pairSkills, logEvery, seed);
        }
    }
}
