package dev.skillnet.model.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.skillnet.model.nn.Dropout;
import dev.skillnet.model.nn.Embedding;
import dev.skillnet.model.nn.HfBlock;
import dev.skillnet.model.nn.LayerNorm;

/**
 * {@code embeddings}: word + position + token-type embeddings, then LayerNorm and dropout.
 */
public final class BertEmbeddings extends HfBlock {

    private final Embedding wordEmbeddings;
    private final Embedding positionEmbeddings;
    private final Embedding tokenTypeEmbeddings;
    private final LayerNorm layerNorm;
    private final float dropout;

    /** @param config the encoder's sizes */
    public BertEmbeddings(BertConfig config) {
        int h = config.hiddenSize();
        wordEmbeddings = child("word_embeddings", new Embedding(config.vocabSize(), h));
        positionEmbeddings = child("position_embeddings", new Embedding(config.maxPositionEmbeddings(), h));
        tokenTypeEmbeddings = child("token_type_embeddings", new Embedding(config.typeVocabSize(), h));
        layerNorm = child("LayerNorm", new LayerNorm(h, config.layerNormEps()));
        dropout = (float) config.hiddenDropoutProb();
    }

    /**
     * @param inputIds [B, T] int64
     * @param tokenTypeIds [B, T] int64
     * @param training whether dropout is on
     * @return [B, T, H]
     */
    public NDArray forward(NDArray inputIds, NDArray tokenTypeIds, boolean training) {
        long t = inputIds.getShape().get(1);
        if (t > positionEmbeddings.count()) {
            throw new IllegalArgumentException("sequence length " + t + " exceeds max_position_embeddings "
                    + positionEmbeddings.count());
        }
        NDArray positionIds = inputIds.getManager().arange(0, (int) t, 1, DataType.INT64);
        NDArray x = wordEmbeddings.forward(inputIds)
                .add(positionEmbeddings.forward(positionIds))
                .add(tokenTypeEmbeddings.forward(tokenTypeIds));
        x = layerNorm.forward(x);
        return training && dropout > 0 ? Dropout.apply(x, dropout) : x;
    }

    /** @return the word embedding table, [vocab, H]; the MLM decoder shares it */
    public NDArray wordEmbeddingWeight() {
        return wordEmbeddings.weight();
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0].add(layerNormWidth())};
    }

    private long layerNormWidth() {
        return wordEmbeddings.getOutputShapes(new Shape[] {new Shape(1)})[0].get(1);
    }
}
