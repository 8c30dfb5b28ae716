package dev.skillnet.train.pretrain;

import dev.skillnet.data.tokenize.Encoded;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * BERT's masking: each ordinary token is chosen with the given probability (at least one per
 * input); a chosen token becomes [MASK] 80% of the time, a random ordinary token 10%, and stays
 * 10%. Special tokens are never chosen.
 */
public final class Masking {

    /**
     * A masked input.
     *
     * @param encoded the input with chosen tokens replaced
     * @param positions the chosen token positions
     * @param labels the original ids at those positions
     */
    public record Masked(Encoded encoded, int[] positions, long[] labels) {}

    private final double probability;
    private final long maskId;
    private final int vocabSize;
    private final Set<Long> special;

    /**
     * @param probability the chance each ordinary token is chosen
     * @param maskId the [MASK] id
     * @param vocabSize vocabulary size (random replacements are drawn below it)
     * @param special ids never chosen nor drawn ([PAD], [CLS], [SEP], [MASK], [UNK])
     */
    public Masking(double probability, long maskId, int vocabSize, Set<Long> special) {
        this.probability = probability;
        this.maskId = maskId;
        this.vocabSize = vocabSize;
        this.special = Set.copyOf(special);
    }

    /**
     * @param e an encoded input
     * @param random the generator
     * @return the masked input, or null when it has no ordinary token
     */
    public Masked apply(Encoded e, Random random) {
        long[] ids = e.inputIds().clone();
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < ids.length; i++) {
            if (!special.contains(ids[i])) {
                candidates.add(i);
            }
        }
        if (candidates.isEmpty()) {
            return null;
        }
        List<Integer> chosen = new ArrayList<>();
        for (int i : candidates) {
            if (random.nextDouble() < probability) {
                chosen.add(i);
            }
        }
        if (chosen.isEmpty()) {
            chosen.add(candidates.get(random.nextInt(candidates.size())));
        }
        int[] positions = new int[chosen.size()];
        long[] labels = new long[chosen.size()];
        for (int k = 0; k < chosen.size(); k++) {
            int i = chosen.get(k);
            positions[k] = i;
            labels[k] = ids[i];
            double r = random.nextDouble();
            if (r < 0.8) {
                ids[i] = maskId;
            } else if (r < 0.9) {
                ids[i] = randomOrdinary(random);
            }
        }
        Encoded masked = new Encoded(ids, e.tokenTypeIds(), e.tokens(), e.charStart(), e.charEnd(), e.wordIds(),
                e.sequenceIds(), e.truncated());
        return new Masked(masked, positions, labels);
    }

    private long randomOrdinary(Random random) {
        for (int tries = 0; tries < 100; tries++) {
            long id = random.nextInt(vocabSize);
            if (!special.contains(id)) {
                return id;
            }
        }
        return maskId;
    }
}
