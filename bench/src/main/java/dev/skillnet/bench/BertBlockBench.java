package dev.skillnet.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.transformer.BertBlock;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.TruncatedNormalInitializer;
import dev.skillnet.train.optim.AdamW;
import dev.skillnet.train.optim.UpdateStep;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * The baseline: the same training step on DJL's own dense {@link BertBlock} at the same shapes
 * (forward, a loss over the pooled output, backward, the same clipping and AdamW).
 */
final class BertBlockBench implements AutoCloseable {

    private final BenchShape shape;
    private final NDManager manager = NDManager.newBaseManager();
    private final BertBlock block;
    private final ParameterStore store;
    private final Map<String, Parameter> params = new LinkedHashMap<>();
    private final AdamW optimizer;
    private final Random random = new Random(1);

    /** @param shape sizes and batch */
    BertBlockBench(BenchShape shape) {
        this.shape = shape;
        block = BertBlock.builder().setTokenDictionarySize(shape.vocab()).optEmbeddingSize(shape.hidden())
                .optTransformerBlockCount(shape.layers()).optAttentionHeadCount(shape.heads())
                .optHiddenSize(shape.intermediate()).optMaxSequenceLength(shape.length())
                .optHiddenDropoutProbability(0.1f).build();
        block.setInitializer(new TruncatedNormalInitializer(0.02f), Parameter.Type.WEIGHT);
        Shape s = new Shape(shape.batch(), shape.length());
        block.initialize(manager, DataType.FLOAT32, s, s, s);
        block.getParameters().forEach(p -> {
            if (p.getValue().requiresGradient() && p.getValue().getArray().hasGradient()) {
                params.put(p.getKey(), p.getValue()); // not the normalisation's running statistics
            }
        });
        store = new ParameterStore(manager, false);
        optimizer = new AdamW(0.01, manager);
    }

    /** One training step on a random full-length batch. */
    void step() {
        try (NDManager scope = manager.newSubManager()) {
            NDList inputs = shape.randomBatch(random, scope);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDList out = block.forward(store, inputs, true);
                NDArray loss = out.get(1).square().mean();
                loss.attach(scope);
                loss.getFloat();
                gc.backward(loss);
            }
            UpdateStep.apply(params, optimizer, 1e-4, 1.0, scope);
        }
    }

    /**
     * @param warmup untimed steps
     * @param measured timed steps
     * @return seconds per measured step
     */
    double time(int warmup, int measured) {
        for (int i = 0; i < warmup; i++) {
            step();
        }
        long start = System.nanoTime();
        for (int i = 0; i < measured; i++) {
            step();
        }
        return (System.nanoTime() - start) / 1e9 / measured;
    }

    @Override
    public void close() {
        optimizer.close();
        manager.close();
    }
}
