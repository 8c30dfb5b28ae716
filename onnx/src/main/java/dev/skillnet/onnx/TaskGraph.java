package dev.skillnet.onnx;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import dev.skillnet.model.SkillNetModel;
import dev.skillnet.model.bert.BertConfig;
import dev.skillnet.model.bert.SkillLayout;
import dev.skillnet.model.heads.HeadKind;
import dev.skillnet.model.heads.Pooling;
import dev.skillnet.model.heads.TaskHead;
import dev.skillnet.onnx.GraphWriter.Attribute;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One task of a model as an ONNX graph: the encoder with the task's skills active, then the
 * task's head, the same function as {@code SkillNetModel.forward(task, ..., training = false)}.
 * Initializers keep the model's parameter names ({@code bert.encoder.layer.N.attention.self.query.weight}),
 * transposed to the {@code [in, out]} layout ONNX's {@code MatMul} reads (suffix {@code .T}), or
 * quantized ({@code .int8}, {@code .scale}, {@code .zero_point}).
 *
 * <p>Inputs {@code input_ids}, {@code token_type_ids}, {@code attention_mask}: [batch, sequence]
 * int64. Output {@code logits}: [batch, C] for a sequence head, [batch, sequence, C] for a token
 * or span head.
 */
public final class TaskGraph {

    /** The graph's output. */
    public static final String LOGITS = "logits";

    private final Map<String, Parameter> parameters;
    private final BertConfig config;
    private final Precision precision;
    private final GraphWriter g;

    private TaskGraph(SkillNetModel model, String task, Precision precision) {
        this.parameters = model.namedParameters();
        this.config = model.bert().config();
        this.precision = precision;
        this.g = new GraphWriter(task);
    }

    /**
     * @param model the model (weights initialised)
     * @param task the task's name
     * @param activeSkills the task's skills, as indices into the model's skills
     * @param precision how the encoder's dense layers hold their weights
     * @return the serialised ONNX model
     * @throws IllegalArgumentException when the model has no head for the task, or holds a mixture
     *     of experts (not exported)
     */
    public static byte[] export(SkillNetModel model, String task, int[] activeSkills, Precision precision) {
        TaskHead head = model.head(task);
        SkillLayout layout = model.bert().layout();
        List<String> skills = new ArrayList<>();
        for (int i : activeSkills) {
            skills.add(layout.skills().get(i));
        }
        TaskGraph t = new TaskGraph(model, task, precision);
        GraphWriter g = t.g;
        g.input("input_ids", GraphWriter.INT64, "batch", "sequence");
        g.input("token_type_ids", GraphWriter.INT64, "batch", "sequence");
        g.input("attention_mask", GraphWriter.INT64, "batch", "sequence");
        String mask = g.node("Cast", List.of("attention_mask"), Attribute.of("to", (long) GraphWriter.FLOAT)); // [B, T]
        String x = t.embeddings();
        String maskBias = t.maskBias(mask);
        for (int layer = 0; layer < t.config.numHiddenLayers(); layer++) {
            if (layout.hasExperts(layer)) {
                throw new IllegalArgumentException("task " + task + ": layer " + layer
                        + " holds a mixture of experts, which the ONNX export does not support");
            }
            if (layout.hasSkills(layer) && skills.isEmpty()) {
                throw new IllegalArgumentException("task " + task + ": layer " + layer
                        + " holds skills but the task activates none");
            }
            x = t.layer(layer, x, maskBias, layout.hasSkills(layer) ? skills : List.of());
        }
        String logits = t.head(task, head, x, mask);
        g.rename(logits, LOGITS);
        if (head.kind() == HeadKind.SEQUENCE) {
            g.output(LOGITS, GraphWriter.FLOAT, "batch", Integer.toString(head.outputs()));
        } else {
            g.output(LOGITS, GraphWriter.FLOAT, "batch", "sequence", Integer.toString(head.outputs()));
        }
        return g.toModel("skillnet-j");
    }

    /** @return [B, T, H]: LayerNorm(word + position + token type) */
    private String embeddings() {
        String p = "bert.embeddings.";
        String words = g.node("Gather", List.of(table(p + "word_embeddings.weight"), "input_ids"));
        String length = g.node("Shape", List.of("input_ids"), Attribute.of("start", 1L), Attribute.of("end", 2L));
        String positions = g.node("Slice", List.of(table(p + "position_embeddings.weight"),
                g.longs("zero", 0), length, g.longs("axis_0", 0))); // [T, H]
        String types = g.node("Gather", List.of(table(p + "token_type_embeddings.weight"), "token_type_ids"));
        String sum = g.node("Add", List.of(g.node("Add", List.of(words, positions)), types));
        return layerNorm(p + "LayerNorm", sum);
    }

    /** @return [B, 1, 1, T]: 0 at real tokens, -10000 at padding, as {@code BertModel} adds to attention scores */
    private String maskBias(String mask) {
        String padding = g.node("Sub", List.of(g.scalar("one", 1f), mask));
        String bias = g.node("Mul", List.of(padding, g.scalar("mask_bias", -10000f)));
        return g.node("Unsqueeze", List.of(bias, g.longs("axes_1_2", 1, 2)));
    }

    /**
     * @param layer N
     * @param x [B, T, H]
     * @param maskBias [B, 1, 1, T]
     * @param skills the active skills of a skill layer; empty for a plain layer
     * @return [B, T, H]
     */
    private String layer(int layer, String x, String maskBias, List<String> skills) {
        String p = "bert.encoder.layer." + layer + ".";
        String attended = attention(p + "attention.", x, maskBias);
        if (skills.isEmpty()) {
            return feedForward(p, attended);
        }
        String sum = null;
        for (String skill : skills) {
            String y = feedForward(p + "skills." + skill + ".", attended);
            sum = sum == null ? y : g.node("Add", List.of(sum, y));
        }
        return skills.size() == 1 ? sum
                : g.node("Div", List.of(sum, g.scalar("skill_count_" + skills.size(), skills.size())));
    }

    /**
     * @param p {@code bert.encoder.layer.N.attention.}
     * @param x [B, T, H]
     * @param maskBias [B, 1, 1, T]
     * @return [B, T, H]: LayerNorm(x + output.dense(self-attention(x)))
     */
    private String attention(String p, String x, String maskBias) {
        int heads = config.numAttentionHeads();
        int d = config.headSize();
        String headShape = g.longs("head_shape", 0, 0, heads, d); // constants are shared by name across layers
        // q / √d before the product, as BertSelfAttention does
        String q = g.node("Mul", List.of(dense(p + "self.query", x), g.scalar("query_scale",
                (float) (1 / Math.sqrt(d)))));
        String qh = g.node("Transpose", List.of(g.node("Reshape", List.of(q, headShape))),
                Attribute.of("perm", 0, 2, 1, 3)); // [B, heads, T, d]
        String kt = g.node("Transpose", List.of(g.node("Reshape", List.of(dense(p + "self.key", x), headShape))),
                Attribute.of("perm", 0, 2, 3, 1)); // [B, heads, d, T]
        String vh = g.node("Transpose", List.of(g.node("Reshape", List.of(dense(p + "self.value", x), headShape))),
                Attribute.of("perm", 0, 2, 1, 3)); // [B, heads, T, d]
        String scores = g.node("Add", List.of(g.node("MatMul", List.of(qh, kt)), maskBias)); // [B, heads, T, T]
        String probs = g.node("Softmax", List.of(scores), Attribute.of("axis", -1L));
        String context = g.node("Transpose", List.of(g.node("MatMul", List.of(probs, vh))),
                Attribute.of("perm", 0, 2, 1, 3)); // [B, T, heads, d]
        String merged = g.node("Reshape", List.of(context, g.longs("merged_shape", 0, 0, (long) heads * d)));
        String out = g.node("Add", List.of(dense(p + "output.dense", merged), x));
        return layerNorm(p + "output.LayerNorm", out);
    }

    /**
     * @param p {@code bert.encoder.layer.N.} or {@code bert.encoder.layer.N.skills.<skill>.}
     * @param x [B, T, H]
     * @return [B, T, H]: LayerNorm(x + output.dense(GELU(intermediate.dense(x))))
     */
    private String feedForward(String p, String x) {
        String hidden = g.node(GraphWriter.MICROSOFT, "Gelu", List.of(dense(p + "intermediate.dense", x))); // [B, T, I]
        String out = g.node("Add", List.of(dense(p + "output.dense", hidden), x));
        return layerNorm(p + "output.LayerNorm", out);
    }

    /**
     * @param task the task
     * @param head its head
     * @param x [B, T, H], the last hidden state
     * @param mask [B, T] float
     * @return [B, C] or [B, T, C]
     */
    private String head(String task, TaskHead head, String x, String mask) {
        String p = SkillNetModel.HEADS_PREFIX + task + "." + head.kind().layerName();
        if (head.kind() != HeadKind.SEQUENCE) {
            return denseFp32(p, x);
        }
        String features;
        if (head.pooling() == Pooling.CLS) {
            String cls = g.node("Gather", List.of(x, g.longs("first", 0)), Attribute.of("axis", 1L)); // [B, 1, H]
            String pooled = g.node("Tanh", List.of(denseFp32("bert.pooler.dense", cls)));
            features = g.node("Squeeze", List.of(pooled, g.longs("axis_1", 1))); // [B, H]
        } else if (head.pooling() == Pooling.MEAN) {
            features = meanOver(x, mask);
        } else if (head.pooling() == Pooling.PAIR) {
            String types = g.node("Cast", List.of("token_type_ids"), Attribute.of("to", (long) GraphWriter.FLOAT));
            String second = g.node("Mul", List.of(types, mask));
            String first = g.node("Sub", List.of(mask, second));
            features = compare(meanOver(x, first), meanOver(x, second));
        } else {
            // rows 2i and 2i + 1 are pair i's two texts: [2B, H] -> [B, 2, H]
            String texts = g.node("Reshape", List.of(meanOver(x, mask),
                    g.longs("pair_rows_shape", -1, 2, config.hiddenSize())));
            String u = g.node("Squeeze", List.of(g.node("Gather", List.of(texts, g.longs("first", 0)),
                    Attribute.of("axis", 1L)), g.longs("axis_1", 1))); // [B, H]
            String v = g.node("Squeeze", List.of(g.node("Gather", List.of(texts, g.longs("second_text", 1)),
                    Attribute.of("axis", 1L)), g.longs("axis_1", 1))); // [B, H]
            features = head.pooling() == Pooling.SIAMESE ? compare(u, v)
                    : standardize(SkillNetModel.HEADS_PREFIX + task + ".standardize", cosine(u, v));
        }
        return denseFp32(p, features);
    }

    /**
     * @param u [B, H]
     * @param v [B, H]
     * @return [B, 1]: {@code u · v / max(|u| |v|, 1e-8)}
     */
    private String cosine(String u, String v) {
        String dot = g.node("ReduceSum", List.of(g.node("Mul", List.of(u, v)), g.longs("axis_last", -1)),
                Attribute.of("keepdims", 1L));
        String uu = g.node("ReduceSum", List.of(g.node("Mul", List.of(u, u)), g.longs("axis_last", -1)),
                Attribute.of("keepdims", 1L));
        String vv = g.node("ReduceSum", List.of(g.node("Mul", List.of(v, v)), g.longs("axis_last", -1)),
                Attribute.of("keepdims", 1L));
        String norms = g.node("Mul", List.of(g.node("Sqrt", List.of(uu)), g.node("Sqrt", List.of(vv))));
        return g.node("Div", List.of(dot, g.node("Max", List.of(norms, g.scalar("cosine_eps", 1e-8f)))));
    }

    /**
     * @param p {@code heads.<task>.standardize}
     * @param x [B, F]
     * @return [B, F]: {@code (x - p.mean) / p.std}, or {@code x} when the statistics were never set
     *     (the model's forward passes it through then too)
     */
    private String standardize(String p, String x) {
        for (float std : parameter(p + ".std").getArray().toFloatArray()) {
            if (!(std > 0)) {
                return x;
            }
        }
        return g.node("Div", List.of(g.node("Sub", List.of(x, table(p + ".mean"))), table(p + ".std")));
    }

    /**
     * @param u [B, H]
     * @param v [B, H]
     * @return [B, 4H]: {@code [u; v; |u - v|; u * v]}
     */
    private String compare(String u, String v) {
        String diff = g.node("Abs", List.of(g.node("Sub", List.of(u, v))));
        return g.node("Concat", List.of(u, v, diff, g.node("Mul", List.of(u, v))), Attribute.of("axis", -1L));
    }

    /**
     * @param x [B, T, H]
     * @param keep [B, T] float, 1 at the tokens to average
     * @return [B, H], zeros where nothing is kept
     */
    private String meanOver(String x, String keep) {
        String sum = g.node("ReduceSum", List.of(g.node("Mul", List.of(x, g.node("Unsqueeze",
                List.of(keep, g.longs("axis_last", -1))))), g.longs("axis_1", 1)), Attribute.of("keepdims", 0L));
        String count = g.node("ReduceSum", List.of(keep, g.longs("axis_1", 1)), Attribute.of("keepdims", 1L));
        return g.node("Div", List.of(sum, g.node("Max", List.of(count, g.scalar("one", 1f)))));
    }

    /**
     * A dense layer of the encoder, in the graph's precision; the attention's output projection
     * stays fp32 in an int8 graph (see {@link Precision#INT8}).
     */
    private String dense(String p, String x) {
        if (precision == Precision.FP32 || p.endsWith(".attention.output.dense")) {
            return denseFp32(p, x);
        }
        Matrix w = weightInOut(p);
        Int8Columns q = Int8Columns.of(w.values(), w.in(), w.out());
        String weight = g.int8(p + ".weight.int8", new long[] {w.in(), w.out()}, q.values());
        String scale = g.floats(p + ".weight.scale", new long[] {w.out()}, q.scales());
        String zero = g.int8(p + ".weight.zero_point", new long[] {w.out()}, new byte[w.out()]);
        return g.node(GraphWriter.MICROSOFT, "DynamicQuantizeMatMul",
                List.of(x, weight, scale, zero, table(p + ".bias")));
    }

    /** A dense layer in fp32: {@code MatMul(x, weight^T) + bias}. */
    private String denseFp32(String p, String x) {
        Matrix w = weightInOut(p);
        String weight = g.floats(p + ".weight.T", new long[] {w.in(), w.out()}, w.values());
        return g.node("Add", List.of(g.node("MatMul", List.of(x, weight)), table(p + ".bias")));
    }

    /** A weight matrix in ONNX's layout: [in, out] row-major. */
    private record Matrix(float[] values, int in, int out) {}

    /** @return {@code p.weight} ([out, in] in the model) transposed */
    private Matrix weightInOut(String p) {
        NDArray w = parameter(p + ".weight").getArray(); // [out, in]
        int out = (int) w.getShape().get(0);
        int in = (int) w.getShape().get(1);
        try (NDArray view = w.transpose(1, 0); NDArray t = view.toDevice(w.getDevice(), true)) { // [in, out], a copy
            return new Matrix(t.toFloatArray(), in, out);
        }
    }

    /** @return {@code LayerNormalization(x)} with {@code p.weight} and {@code p.bias}, over the last axis */
    private String layerNorm(String p, String x) {
        return g.node("LayerNormalization", List.of(x, table(p + ".weight"), table(p + ".bias")),
                Attribute.of("axis", -1L), Attribute.of("epsilon", (float) config.layerNormEps()));
    }

    /** Adds a parameter unchanged as an initializer of its own name (once) and returns the name. */
    private String table(String name) {
        if (!g.has(name)) {
            Parameter p = parameter(name);
            g.floats(name, p.getArray().getShape().getShape(), p.getArray().toFloatArray());
        }
        return name;
    }

    private Parameter parameter(String name) {
        Parameter p = parameters.get(name);
        if (p == null || !p.isInitialized()) {
            throw new IllegalArgumentException("the model has no initialised parameter '" + name + "'");
        }
        return p;
    }
}
