package dev.skillnet.onnx;

import java.util.Locale;

/** How an exported graph holds the encoder's dense layers' weights. */
public enum Precision {
    /** As trained: every weight in fp32; the outputs match the model's own forward path to rounding. */
    FP32,
    /**
     * The encoder's dense layers (query, key, value and the feed-forward's two, skills included)
     * with 7-bit weights held as int8 (see {@link Int8Columns} for why not 8), one scale per output
     * column, and their inputs quantized to uint8 on the fly
     * ({@code com.microsoft.DynamicQuantizeMatMul}); embeddings, LayerNorms, the attention's
     * output projection, the pooler and the task head stay fp32. The output projection is a
     * twelfth of a plain layer's dense FLOPs, and quantizing it cost the most: on the 2.5-hour
     * mbert-zh6 model, cmrc2018's test sample F1 went from 68.52 (fp32) to 66.40 with every dense
     * layer in int8 and to 68.04 with that one kept (docs/PERFORMANCE.md). Faster on CPUs with
     * int8 dot-product instructions; scores move a little.
     */
    INT8;

    /** @return the name used on the command line: {@code fp32} or {@code int8} */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
