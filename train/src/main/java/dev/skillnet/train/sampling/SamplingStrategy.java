package dev.skillnet.train.sampling;

/** How the task of each batch is chosen from the tasks' training-set sizes n_i. */
public enum SamplingStrategy {
    /** p_i = n_i / Σ n: every example is equally likely to be seen. */
    PROPORTIONAL,
    /** p_i ∝ n_i^(1/T): T = 1 is proportional, larger T moves toward uniform. */
    TEMPERATURE,
    /** p_i ∝ min(n_i, K): large tasks count as if they had K examples. */
    CAPPED,
    /** p_i equal for every task with examples. */
    UNIFORM;

    /** @return the lower-case name used in configuration strings */
    public String jsonName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
