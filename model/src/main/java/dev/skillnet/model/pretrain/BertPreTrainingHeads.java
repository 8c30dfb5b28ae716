package dev.skillnet.model.pretrain;

import ai.djl.ndarray.types.Shape;
import dev.skillnet.model.bert.BertConfig;
import dev.skillnet.model.nn.Dense;
import dev.skillnet.model.nn.HfBlock;

/** {@code cls}: the masked-LM head ({@code predictions}) and the two-way pair head ({@code seq_relationship}). */
public final class BertPreTrainingHeads extends HfBlock {

    private final BertLMPredictionHead predictions;
    private final Dense seqRelationship;

    /** @param config the encoder's configuration */
    public BertPreTrainingHeads(BertConfig config) {
        predictions = child("predictions", new BertLMPredictionHead(config));
        seqRelationship = child("seq_relationship", new Dense(config.hiddenSize(), 2));
    }

    /** @return the masked-LM head */
    public BertLMPredictionHead predictions() {
        return predictions;
    }

    /** @return the pair head over the pooled output: [B, H] to [B, 2] */
    public Dense seqRelationship() {
        return seqRelationship;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }
}
