package dev.skillnet.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import dev.skillnet.train.optim.AdamW;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * AdamW's update of a whole encoder's parameters (embeddings and every layer's attention,
 * feed-forward and LayerNorm weights at a shape), computed in one pass through the tensors' memory
 * and by the engine's kernel, alternated on the same parameters so that drift falls on both alike.
 * The gradients are put back before each update, outside the clock.
 */
final class UpdateBench implements AutoCloseable {

    private final NDManager manager = NDManager.newBaseManager();
    private final Map<String, Parameter> params = new LinkedHashMap<>();
    private final Map<String, NDArray> grads = new LinkedHashMap<>();
    private final Map<String, NDArray> source = new LinkedHashMap<>();
    private final AdamW onePass;
    private final AdamW kernel;

    /** @param s the encoder's shape */
    UpdateBench(BenchShape s) {
        List<long[]> shapes = new ArrayList<>();
        List<String> names = new ArrayList<>();
        add(names, shapes, "bert.embeddings.word_embeddings.weight", s.vocab(), s.hidden());
        add(names, shapes, "bert.embeddings.position_embeddings.weight", 512, s.hidden());
        for (int l = 0; l < s.layers(); l++) {
            String p = "bert.encoder.layer." + l + ".";
            for (String m : new String[] {"attention.self.query", "attention.self.key", "attention.self.value",
                    "attention.output.dense"}) {
                add(names, shapes, p + m + ".weight", s.hidden(), s.hidden());
                add(names, shapes, p + m + ".bias", s.hidden());
            }
            add(names, shapes, p + "intermediate.dense.weight", s.intermediate(), s.hidden());
            add(names, shapes, p + "intermediate.dense.bias", s.intermediate());
            add(names, shapes, p + "output.dense.weight", s.hidden(), s.intermediate());
            add(names, shapes, p + "output.dense.bias", s.hidden());
            for (String ln : new String[] {"attention.output.LayerNorm", "output.LayerNorm"}) {
                add(names, shapes, p + ln + ".weight", s.hidden());
                add(names, shapes, p + ln + ".bias", s.hidden());
            }
        }
        manager.getEngine().setRandomSeed(5);
        for (int i = 0; i < names.size(); i++) {
            Shape shape = new Shape(shapes.get(i));
            Parameter p = Parameter.builder().setName(names.get(i)).setType(Parameter.Type.WEIGHT).build();
            p.setArray(manager.randomNormal(0, 0.02f, shape, ai.djl.ndarray.types.DataType.FLOAT32));
            params.put(names.get(i), p);
            source.put(names.get(i), manager.randomNormal(0, 1e-3f, shape, ai.djl.ndarray.types.DataType.FLOAT32));
            grads.put(names.get(i), manager.zeros(shape));
        }
        onePass = new AdamW(0.01, AdamW.Pass.ONE_PASS, manager);
        kernel = new AdamW(0.01, AdamW.Pass.ENGINE_KERNEL, manager);
    }

    private static void add(List<String> names, List<long[]> shapes, String name, long... shape) {
        names.add(name);
        shapes.add(shape);
    }

    /** @return the parameters updated */
    long parameters() {
        return params.values().stream().mapToLong(p -> p.getArray().size()).sum();
    }

    /**
     * @param pairs updates of each kind, after one untimed update of each
     * @return the timings: one pass first, the kernel second
     */
    Alternating run(int pairs) {
        time(onePass);
        time(kernel);
        return Alternating.run(() -> time(onePass), () -> time(kernel), pairs);
    }

    private double time(AdamW adam) {
        grads.forEach((name, g) -> source.get(name).copyTo(g));
        long start = System.nanoTime();
        adam.step(params, grads, 1e-4, 0.5);
        return (System.nanoTime() - start) / 1e9;
    }

    @Override
    public void close() {
        onePass.close();
        kernel.close();
        manager.close();
    }
}
