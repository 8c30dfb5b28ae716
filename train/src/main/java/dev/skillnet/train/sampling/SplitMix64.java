package dev.skillnet.train.sampling;

/**
 * The SplitMix64 generator (Steele, Lea and Flood 2014; Vigna's reference constants). Its whole
 * state is one {@code long}, so a checkpoint can store it and a resumed run continue the exact
 * sequence. Not thread-safe.
 */
public final class SplitMix64 {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
    private static final double DOUBLE_UNIT = 0x1.0p-53;

    private long state;

    /** @param seed the initial state */
    public SplitMix64(long seed) {
        this.state = seed;
    }

    /** @return the next 64 random bits */
    public long nextLong() {
        state += GOLDEN_GAMMA;
        long z = state;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** @return a uniform double in [0, 1), from the top 53 bits of {@link #nextLong()} */
    public double nextDouble() {
        return (nextLong() >>> 11) * DOUBLE_UNIT;
    }

    /** @return the whole state; {@link #restore(long)} with it continues the same sequence */
    public long state() {
        return state;
    }

    /** @param state a value from {@link #state()} */
    public void restore(long state) {
        this.state = state;
    }
}
