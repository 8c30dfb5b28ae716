package dev.skillnet.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.skillnet.data.tokenize.Encoded;
import dev.skillnet.inference.evaluate.ActiveSkills;
import dev.skillnet.inference.evaluate.TaskEvaluator;
import dev.skillnet.inference.evaluate.TaskLogits;
import dev.skillnet.model.SkillNetModel;
import dev.skillnet.tasks.batch.EncoderRows;
import dev.skillnet.tasks.declare.TaskDeclaration;
import java.nio.LongBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A task's logits from ONNX Runtime: on a task's first batch its graph is exported ({@link
 * TaskGraph}) and loaded into a session, which later batches of that task reuse until {@link
 * #release} (evaluate-all releases each task when it is done, so it holds one session at a time;
 * the Java API keeps every task's). Close this to free them. Not for concurrent use.
 */
public final class OrtTaskLogits implements TaskLogits, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OrtTaskLogits.class);

    private final SkillNetModel model;
    private final long padId;
    private final Precision precision;
    private final int threads;
    private final OrtEnvironment env = OrtEnvironment.getEnvironment();
    private final Map<String, OrtSession> sessions = new HashMap<>();

    /**
     * @param model the model, whose weights are read once per task when its graph is exported
     * @param padId the tokenizer's padding id
     * @param precision how the exported graphs hold the encoder's dense layers
     * @param threads ONNX Runtime's intra-op threads (the machine's cores suit one evaluation at a time)
     */
    public OrtTaskLogits(SkillNetModel model, long padId, Precision precision, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.model = model;
        this.padId = padId;
        this.precision = precision;
        this.threads = threads;
    }

    @Override
    public SkillNetModel model() {
        return model;
    }

    @Override
    public List<float[]> logits(TaskDeclaration task, List<Encoded> batch) {
        OrtSession session = session(task);
        List<Encoded> rows = EncoderRows.of(model.head(task.name()).pooling(), batch);
        int b = rows.size();
        int t = rows.stream().mapToInt(Encoded::length).max().orElseThrow();
        long[] ids = new long[b * t];
        long[] types = new long[b * t];
        long[] mask = new long[b * t];
        java.util.Arrays.fill(ids, padId);
        for (int i = 0; i < b; i++) {
            Encoded e = rows.get(i);
            System.arraycopy(e.inputIds(), 0, ids, i * t, e.length());
            System.arraycopy(e.tokenTypeIds(), 0, types, i * t, e.length());
            java.util.Arrays.fill(mask, i * t, i * t + e.length(), 1L);
        }
        long[] shape = {b, t};
        try (OnnxTensor idsTensor = OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape);
                OnnxTensor typesTensor = OnnxTensor.createTensor(env, LongBuffer.wrap(types), shape);
                OnnxTensor maskTensor = OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape);
                OrtSession.Result result = session.run(Map.of("input_ids", idsTensor, "token_type_ids", typesTensor,
                        "attention_mask", maskTensor))) {
            OnnxTensor out = (OnnxTensor) result.get(TaskGraph.LOGITS).orElseThrow();
            float[] flat = new float[(int) out.getInfo().getNumElements()];
            out.getFloatBuffer().get(flat);
            return TaskEvaluator.rows(flat, out.getInfo().getShape(), headKind(task), batch);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed on task " + task.name() + ": " + e.getMessage(), e);
        }
    }

    private OrtSession session(TaskDeclaration task) {
        OrtSession session = sessions.get(task.name());
        if (session != null) {
            return session;
        }
        long start = System.nanoTime();
        byte[] graph = TaskGraph.export(model, task.name(), ActiveSkills.of(model, task), precision);
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(threads);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            session = env.createSession(graph, options);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime could not load the exported graph of task " + task.name()
                    + ": " + e.getMessage(), e);
        }
        sessions.put(task.name(), session);
        LOG.info("{}: exported ({}, {} MB) and loaded into ONNX Runtime in {} s", task.name(), precision.json(),
                graph.length >> 20, String.format("%.1f", (System.nanoTime() - start) / 1e9));
        return session;
    }

    /** Closes the task's session, if it has one. */
    @Override
    public void release(TaskDeclaration task) {
        closeSession(sessions.remove(task.name()));
    }

    /** Frees every session. */
    @Override
    public void close() {
        sessions.values().forEach(OrtTaskLogits::closeSession);
        sessions.clear();
    }

    private static void closeSession(OrtSession session) {
        if (session != null) {
            try {
                session.close();
            } catch (OrtException e) {
                LOG.warn("closing an ONNX Runtime session: {}", e.getMessage());
            }
        }
    }
}
