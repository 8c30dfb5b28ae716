package dev.skillnet.train.sampling;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * Picks the task of each training batch. Seeded and resumable: the generator's whole state is one
 * {@code long} ({@link #state()}), so a checkpoint can store it together with {@link #counts()}
 * and {@link #restore(long, long[])} continues the exact sequence. Not thread-safe.
 *
 * <p>In {@link TaskOrder#EVEN} order each task holds a credit: {@code phase_i + p_i (t + 1) - c_i}
 * before draw t + 1, where c_i counts its batches so far and each phase, in [0, 1), comes from the
 * generator's state; the task of largest credit is next (the smooth weighted round-robin of load
 * balancers, with a phase so that seeds differ), which keeps c_i fewer than two batches from
 * p_i t ({@code EvenTaskOrderTest}); the generator is not advanced.
 */
public final class TaskSampler {

    private final List<String> names;
    private final SamplingConfig config;
    private final double[] probabilities;
    private final double[] cumulative;
    private final long[] counts;
    private final SplitMix64 random;
    private final double[] phases;

    /**
     * @param names the task names, one per task, unique
     * @param sizes the number of training examples of each task, in the same order
     * @param config the sampling strategy
     * @param seed the generator's initial state
     * @throws dev.skillnet.core.UserInputException if every size is 0
     * @throws IllegalArgumentException if names and sizes differ in number, or names repeat
     */
    public TaskSampler(List<String> names, long[] sizes, SamplingConfig config, long seed) {
        this.names = List.copyOf(names);
        this.config = Objects.requireNonNull(config, "config");
        if (this.names.size() != sizes.length) {
            throw new IllegalArgumentException(this.names.size() + " task names but " + sizes.length + " sizes");
        }
        if (new HashSet<>(this.names).size() != this.names.size()) {
            throw new IllegalArgumentException("task names repeat: " + this.names);
        }
        this.probabilities = config.probabilities(this.names, sizes);
        this.cumulative = cumulative(probabilities);
        this.counts = new long[sizes.length];
        this.random = new SplitMix64(seed);
        this.phases = new double[sizes.length];
        setPhases();
    }

    /** In even order: each task's phase, from a copy of the generator so that its state stays. */
    private void setPhases() {
        if (config.order() == TaskOrder.EVEN) {
            SplitMix64 copy = new SplitMix64(random.state());
            for (int i = 0; i < phases.length; i++) {
                phases[i] = copy.nextDouble();
            }
        }
    }

    private static double[] cumulative(double[] p) {
        double[] c = new double[p.length];
        double sum = 0;
        int last = -1;
        for (int i = 0; i < p.length; i++) {
            sum += p[i];
            c[i] = sum;
            if (p[i] > 0) {
                last = i;
            }
        }
        // Guard against rounding: the last task with any probability takes everything up to 1.
        for (int i = last; i < p.length; i++) {
            c[i] = 1.0;
        }
        return c;
    }

    /**
     * Draws the next task and counts it.
     *
     * @return its index in {@link #names()}; never a task of probability 0
     */
    public int next() {
        if (config.order() == TaskOrder.EVEN) {
            return nextEven();
        }
        double u = random.nextDouble();
        int i = 0;
        while (u >= cumulative[i] || probabilities[i] == 0) {
            i++;
        }
        counts[i]++;
        return i;
    }

    private int nextEven() {
        long drawn = 0;
        for (long c : counts) {
            drawn += c;
        }
        int best = -1;
        double bestCredit = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < counts.length; i++) {
            double credit = phases[i] + probabilities[i] * (drawn + 1) - counts[i];
            if (probabilities[i] > 0 && credit > bestCredit) {
                best = i;
                bestCredit = credit;
            }
        }
        counts[best]++;
        return best;
    }

    /** @return the task names, in index order */
    public List<String> names() {
        return names;
    }

    /** @return the strategy in use */
    public SamplingConfig config() {
        return config;
    }

    /** @return a copy of each task's probability */
    public double[] probabilities() {
        return probabilities.clone();
    }

    /** @return a copy of how many times each task has been drawn */
    public long[] counts() {
        return counts.clone();
    }

    /** @return the generator's whole state, for a checkpoint */
    public long state() {
        return random.state();
    }

    /**
     * Continues from a stored generator state; the counts are left as they are.
     *
     * @param state a value from {@link #state()}
     */
    public void restore(long state) {
        random.restore(state);
        setPhases();
    }

    /**
     * Continues from a checkpoint: generator state and realised counts.
     *
     * @param state a value from {@link #state()}
     * @param counts a value from {@link #counts()} of a sampler over the same tasks
     */
    public void restore(long state, long[] counts) {
        if (counts.length != this.counts.length) {
            throw new IllegalArgumentException(counts.length + " counts for " + this.counts.length + " tasks");
        }
        random.restore(state);
        setPhases();
        System.arraycopy(counts, 0, this.counts, 0, counts.length);
    }

    /** @return one line for logs, such as {@code chnsenticorp 1203 (p=0.12), afqmc 4410 (p=0.43)} */
    public String summary() {
        StringJoiner out = new StringJoiner(", ");
        for (int i = 0; i < names.size(); i++) {
            out.add(String.format(Locale.ROOT, "%s %d (p=%.2f)", names.get(i), counts[i], probabilities[i]));
        }
        return out.toString();
    }
}
