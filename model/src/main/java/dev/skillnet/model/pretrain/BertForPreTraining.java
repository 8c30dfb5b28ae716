package dev.skillnet.model.pretrain;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import dev.skillnet.model.bert.BertModel;
import dev.skillnet.model.bert.EncoderOutput;
import dev.skillnet.model.nn.HfBlock;

/**
 * The encoder with the pre-training heads, named as HuggingFace's {@code BertForPreTraining}
 * ({@code bert.*}, {@code cls.*}), so its weights save and load under the same keys.
 */
public final class BertForPreTraining extends HfBlock {

    private final BertModel bert;
    private final BertPreTrainingHeads cls;

    /** @param bert the encoder (with its skill layout) */
    public BertForPreTraining(BertModel bert) {
        this.bert = child("bert", bert);
        this.cls = child("cls", new BertPreTrainingHeads(bert.config()));
    }

    /**
     * Masked-LM logits at the chosen positions.
     *
     * @param encoded the encoder's output, last hidden state [B, T, H]
     * @param positions [M] int64 flat indices (b * T + t) of the masked tokens
     * @return [M, V]
     */
    public NDArray mlmLogits(EncoderOutput encoded, NDArray positions) {
        NDArray hidden = encoded.lastHiddenState();
        long h = hidden.getShape().get(2);
        NDArray rows = hidden.reshape(-1, h).get(positions);
        return cls.predictions().forward(rows, bert.embeddings().wordEmbeddingWeight());
    }

    /**
     * Pair logits (is-next or in-order) over the pooled output.
     *
     * @param encoded the encoder's output, pooled [B, H]
     * @return [B, 2]
     */
    public NDArray pairLogits(EncoderOutput encoded) {
        return cls.seqRelationship().forward(encoded.poolerOutput());
    }

    /** @return the encoder */
    public BertModel bert() {
        return bert;
    }

    /** @return the heads */
    public BertPreTrainingHeads cls() {
        return cls;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return bert.getOutputShapes(inputShapes);
    }
}
