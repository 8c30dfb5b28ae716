package dev.skillnet.bench;

/**
 * An encoder size and a batch shape to measure at.
 *
 * @param name the configuration's name
 * @param hidden H
 * @param layers L
 * @param heads attention heads
 * @param intermediate I, the feed-forward width
 * @param vocab vocabulary size
 * @param batch sequences per batch B
 * @param length tokens per sequence T
 */
public record BenchShape(String name, int hidden, int layers, int heads, int intermediate, int vocab, int batch,
        int length) {

    /** The demo's tiny encoder at a typical batch. */
    public static final BenchShape TINY = new BenchShape("tiny", 64, 2, 2, 256, 4000, 32, 64);
    /** bge-small-zh shapes (the fine-tuning demo's encoder): 4 layers, hidden 512, batch 16 of 128 tokens. */
    public static final BenchShape BGE = new BenchShape("bge", 512, 4, 8, 2048, 21128, 16, 128);
    /** BERT-base shapes: 12 layers, hidden 768, batch 8 of 128 tokens. */
    public static final BenchShape BASE = new BenchShape("base", 768, 12, 12, 3072, 21128, 8, 128);

    /**
     * A random full-length batch: token ids above the special ones, one segment, no padding.
     *
     * @param random the generator
     * @param manager the step's manager
     * @return input ids, token type ids and attention mask, each [B, T] int64
     */
    public ai.djl.ndarray.NDList randomBatch(java.util.Random random, ai.djl.ndarray.NDManager manager) {
        long[] ids = new long[(int) tokens()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = 5 + random.nextInt(vocab - 5);
        }
        ai.djl.ndarray.types.Shape s = new ai.djl.ndarray.types.Shape(batch, length);
        return new ai.djl.ndarray.NDList(manager.create(ids, s),
                manager.zeros(s, ai.djl.ndarray.types.DataType.INT64),
                manager.ones(s, ai.djl.ndarray.types.DataType.INT64));
    }

    /**
     * @param activeFeedForwards feed-forward sub-layers each token runs per layer
     * @return model FLOPs of one inference forward pass (a third of a training step's)
     */
    public double inferenceFlops(int activeFeedForwards) {
        return trainingFlops(activeFeedForwards) / 3;
    }

    /** @return tokens per batch */
    public long tokens() {
        return (long) batch * length;
    }

    /**
     * Model FLOPs of one training step (forward, and backward at twice the forward), counting
     * the matrix multiplications: per token and layer 8H² for the four attention projections,
     * 4TH for scores and context, and 4HI per active feed-forward; per sequence 2H² for the
     * pooler and 4H for a two-class head.
     *
     * @param activeFeedForwards feed-forward sub-layers each token runs per layer
     * @return FLOPs per step
     */
    public double trainingFlops(int activeFeedForwards) {
        double h = hidden;
        double perTokenLayer = 8 * h * h + 4.0 * length * h + 4.0 * activeFeedForwards * h * intermediate;
        double forward = tokens() * layers * perTokenLayer + batch * (2 * h * h + 4 * h);
        return 3 * forward;
    }
}
