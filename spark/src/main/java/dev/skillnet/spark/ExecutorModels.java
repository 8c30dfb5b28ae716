package dev.skillnet.spark;

import dev.skillnet.inference.MultitaskModel;
import dev.skillnet.inference.SkillNet;
import dev.skillnet.onnx.EvalEngine;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The models loaded in this JVM (an executor, or the driver), one per folder and engine: every
 * task of a partition, and every partition an executor runs, share one copy (with the ONNX
 * engines, one exported session per task). They are closed when the JVM exits.
 */
final class ExecutorModels {

    private static final Map<String, MultitaskModel> MODELS = new ConcurrentHashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> MODELS.values().forEach(MultitaskModel::close),
                "skillnet-close-models"));
    }

    private ExecutorModels() {}

    /**
     * @param dir a trained model folder every executor can read
     * @param engine what runs its forward passes
     * @return the model, loaded on first use in this JVM
     */
    static MultitaskModel get(String dir, EvalEngine engine) {
        return MODELS.computeIfAbsent(engine.label() + ":" + dir,
                k -> SkillNet.builder().setModel(Path.of(dir)).optEngine(engine).load());
    }
}
