package dev.skillnet.convert.source;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * A pretrained BERT checkpoint seen through HuggingFace's names: every tensor the source holds
 * that BERT uses, renamed ({@code embeddings.word_embeddings.weight},
 * {@code encoder.layer.N.attention.self.query.weight}, {@code pooler.dense.weight},
 * {@code cls.predictions.transform.dense.weight}, ...) and laid out as HuggingFace's PyTorch BERT
 * holds it: a dense layer's weight is [out, in].
 *
 * <p>Tensors are read one at a time, so a source never holds the whole checkpoint in the heap.
 */
public interface WeightSource extends Closeable {

    /** @return the file the tensors come from, for messages */
    Path file();

    /**
     * @return HuggingFace name (without the {@code bert.} prefix for the encoder; {@code cls.*}
     *     for the pre-training heads) to shape, in the order to write
     */
    Map<String, long[]> shapes();

    /**
     * @return the number of attention heads when the source records it, else 0 (the caller then
     *     takes {@code --heads} or hidden/64)
     */
    int attentionHeads();

    /**
     * Reads one tensor as float32, row-major, in HuggingFace's layout.
     *
     * @param name a key of {@link #shapes()}
     * @return its values
     * @throws IOException on a read failure
     * @throws dev.skillnet.core.UserInputException when the stored bytes are corrupt (checksum,
     *     truncation), naming the file and the tensor
     */
    float[] read(String name) throws IOException;
}
