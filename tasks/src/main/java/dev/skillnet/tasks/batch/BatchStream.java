package dev.skillnet.tasks.batch;

import dev.skillnet.tasks.kinds.Feature;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * An endless, seeded stream of training batches over one task's features, epoch after epoch.
 *
 * <p>Each epoch shuffles the features, cuts them into pools of {@value #POOL_BATCHES} batches,
 * sorts each pool by length and cuts it into batches of at most {@code batchSize} inputs and
 * {@code batchSize} x {@value #TOKENS_PER_INPUT} padded tokens, then shuffles the batches: batches hold
 * inputs of similar length, so dynamic padding wastes little, while order stays random. The
 * stream's position is (epoch, batch), so it can be restored exactly.
 */
public final class BatchStream {

    /** Batches per length-sorted pool. */
    static final int POOL_BATCHES = 50;

    /**
     * A batch holds at most {@code batchSize} times this many tokens (padded): inputs up to 256
     * tokens go {@code batchSize} at a time, longer ones (reading comprehension's windows of 512)
     * fewer, so that a step's time and its activations' memory do not grow with the inputs' length.
     */
    public static final int TOKENS_PER_INPUT = 256;

    private final List<Feature> features;
    private final int batchSize;
    private final long seed;
    private int epoch;
    private int position;
    private List<List<Feature>> batches;

    /**
     * @param features the task's training features, non-empty
     * @param batchSize examples per batch (fewer for inputs longer than {@value #TOKENS_PER_INPUT}
     *     tokens)
     * @param seed the stream's seed
     */
    public BatchStream(List<Feature> features, int batchSize, long seed) {
        if (features.isEmpty()) {
            throw new IllegalArgumentException("no training features");
        }
        this.features = List.copyOf(features);
        this.batchSize = batchSize;
        this.seed = seed;
        this.batches = epochBatches(0);
    }

    /** @return the next batch */
    public List<Feature> next() {
        if (position == batches.size()) {
            epoch++;
            position = 0;
            batches = epochBatches(epoch);
        }
        return batches.get(position++);
    }

    /** @return the current epoch (0-based) */
    public int epoch() {
        return epoch;
    }

    /**
     * @return the training inputs this stream has handed out since it began (epochs done times the
     *     features, plus the batches given in this epoch), the same after {@link #restore}
     */
    public long seen() {
        long n = (long) epoch * features.size();
        for (int b = 0; b < position; b++) {
            n += batches.get(b).size();
        }
        return n;
    }

    /** @return the training inputs of one epoch */
    public int size() {
        return features.size();
    }

    /** @return the index of the next batch within the epoch */
    public int position() {
        return position;
    }

    /**
     * Continues from a saved position.
     *
     * @param epoch the epoch
     * @param position the next batch's index within it
     */
    public void restore(int epoch, int position) {
        this.epoch = epoch;
        this.batches = epochBatches(epoch);
        this.position = position;
    }

    private List<List<Feature>> epochBatches(int e) {
        Random random = new Random(seed * 1_000_003L + e);
        List<Feature> order = new ArrayList<>(features);
        Collections.shuffle(order, random);
        List<List<Feature>> out = new ArrayList<>();
        int pool = POOL_BATCHES * batchSize;
        for (int start = 0; start < order.size(); start += pool) {
            List<Feature> chunk = new ArrayList<>(order.subList(start, Math.min(order.size(), start + pool)));
            chunk.sort(Comparator.comparingInt(Feature::length));
            long budget = (long) batchSize * TOKENS_PER_INPUT;
            for (int b = 0, end; b < chunk.size(); b = end) {
                end = b + 1;
                // sorted by length: the padded length of chunk[b..end] is chunk[end]'s
                while (end < chunk.size() && end - b < batchSize
                        && (long) chunk.get(end).length() * (end - b + 1) <= budget) {
                    end++;
                }
                out.add(List.copyOf(chunk.subList(b, end)));
            }
        }
        Collections.shuffle(out, random);
        return out;
    }
}
