package dev.skillnet.convert.tf;

import dev.skillnet.model.checkpoint.SafetensorsFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/**
 * Writes a HuggingFace BERT folder back out as Google's release layout, with TensorFlow itself:
 * {@code bert_model.ckpt.index} and {@code .data-00000-of-00001} under Google's variable names
 * (kernels [in, out]), {@code bert_config.json} and {@code vocab.txt}. Other modules' tests use it
 * (through this module's test jar) to feed {@code skillnet import} a checkpoint TensorFlow wrote.
 */
public final class GoogleRelease {

    /** The checkpoint prefix inside the folder, as Google names it. */
    public static final String PREFIX = "bert_model.ckpt";

    private GoogleRelease() {}

    /**
     * @param hf a HuggingFace folder ({@code config.json}, {@code model.safetensors}, {@code vocab.txt})
     * @param out the folder to write
     * @throws IOException on a read or write failure
     */
    public static void write(Path hf, Path out) throws IOException {
        Files.createDirectories(out);
        SafetensorsFile file = SafetensorsFile.open(hf.resolve("model.safetensors"));
        Map<String, Tensor> saved = new LinkedHashMap<>();
        try {
            for (SafetensorsFile.Entry e : file.entries().values()) {
                float[] values = file.readFloats(e.name());
                String google = googleName(e.name().startsWith("bert.") || e.name().startsWith("cls.")
                        ? e.name() : "bert." + e.name());
                boolean kernel = google.endsWith("/kernel");
                long[] shape = kernel ? new long[] {e.shape()[1], e.shape()[0]} : e.shape();
                float[] stored = kernel ? transpose(values, (int) e.shape()[0], (int) e.shape()[1]) : values;
                saved.put(google, TFloat32.tensorOf(Shape.of(shape), DataBuffers.of(stored, true, false)));
            }
            TfCheckpoints.save(out.resolve(PREFIX), saved);
        } finally {
            saved.values().forEach(Tensor::close);
        }
        Files.copy(hf.resolve("config.json"), out.resolve("bert_config.json"));
        Files.copy(hf.resolve("vocab.txt"), out.resolve("vocab.txt"));
    }

    /**
     * Google's name for a HuggingFace BERT key, written from HuggingFace's side: dots become
     * slashes, {@code layer.N} becomes {@code layer_N}, LayerNorm's weight and bias become gamma
     * and beta, an embedding table loses its {@code weight}, any other weight is a {@code kernel},
     * and the MLM output bias is {@code output_bias}.
     *
     * @param hf a HuggingFace key
     * @return Google's variable name
     */
    static String googleName(String hf) {
        String n = hf.replace('.', '/').replaceAll("/layer/(\\d+)/", "/layer_$1/");
        n = n.replaceAll("LayerNorm/weight$", "LayerNorm/gamma").replaceAll("LayerNorm/bias$", "LayerNorm/beta");
        n = n.replaceAll("_embeddings/weight$", "_embeddings").replaceAll("/weight$", "/kernel");
        return n.equals("cls/predictions/bias") ? "cls/predictions/output_bias" : n;
    }

    /**
     * @param m a row-major [rows, cols] matrix
     * @return its [cols, rows] transpose
     */
    static float[] transpose(float[] m, int rows, int cols) {
        float[] t = new float[m.length];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                t[j * rows + i] = m[i * cols + j];
            }
        }
        return t;
    }
}
