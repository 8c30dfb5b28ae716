package dev.skillnet.onnx;

import java.util.Locale;

/** How an exported graph holds the encoder's dense layers' weights. */
public enum Precision {
    /** As trained: every weight in fp32; the outputs match the model's own forward path to rounding. */
    FP32,
    /**
     * The encoder's dense layers (attention and feed-forward, skills included) with int8 weights,
     * one scale per output column, and their inputs quantized to uint8 on the fly ({@code
     * com.microsoft.DynamicQuantizeMatMul}); embeddings, LayerNorms, the pooler and the task head
     * stay fp32. Faster on CPUs with int8 dot-product instructions; scores move a little.
     */
    INT8;

    /** @return the name used on the command line: {@code fp32} or {@code int8} */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
