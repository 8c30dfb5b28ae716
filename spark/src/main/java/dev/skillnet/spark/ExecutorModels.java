package dev.skillnet.spark;

import dev.skillnet.inference.MultitaskModel;
import dev.skillnet.inference.SkillNet;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The models loaded in this JVM (an executor, or the driver), one per folder: every task of a
 * partition, and every partition an executor runs, share one copy. They are closed when the JVM
 * exits.
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
     * @return the model, loaded on first use in this JVM
     */
    static MultitaskModel get(String dir) {
        return MODELS.computeIfAbsent(dir, d -> SkillNet.load(Path.of(d)));
    }
}
