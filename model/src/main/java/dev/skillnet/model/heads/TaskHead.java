package dev.skillnet.model.heads;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import dev.skillnet.model.bert.EncoderOutput;
import dev.skillnet.model.nn.Dense;
import dev.skillnet.model.nn.Dropout;
import dev.skillnet.model.nn.HfBlock;
import dev.skillnet.model.nn.Scalars;
import dev.skillnet.model.nn.Standardize;

/**
 * {@code heads.<task>}: dropout and one dense layer over the encoder's output, as HuggingFace's
 * BertForSequenceClassification, BertForTokenClassification and BertForQuestionAnswering. A
 * cosine-pooled head reads one standardised number instead ({@code heads.<task>.standardize},
 * no dropout).
 */
public final class TaskHead extends HfBlock {

    private final HeadKind kind;
    private final Pooling pooling;
    private final int outputs;
    private final Dense dense;
    private final Standardize standardize;
    private final float dropout;

    /**
     * @param kind what the head reads and outputs
     * @param pooling what a sequence head reads
     * @param hidden H
     * @param outputs C, the number of classes (2 for a span head)
     * @param dropout applied to the encoder output in training
     */
    public TaskHead(HeadKind kind, Pooling pooling, int hidden, int outputs, double dropout) {
        if (kind == HeadKind.SPAN && outputs != 2) {
            throw new IllegalArgumentException("a span head has 2 outputs (start, end), got " + outputs);
        }
        this.kind = kind;
        this.pooling = pooling;
        this.outputs = outputs;
        this.dense = child(kind.layerName(), new Dense(kind == HeadKind.SEQUENCE ? pooling.features(hidden) : hidden,
                outputs));
        this.standardize = kind == HeadKind.SEQUENCE && pooling == Pooling.COSINE
                ? child("standardize", new Standardize(1)) : null;
        this.dropout = (float) dropout;
    }

    /**
     * @param encoded the encoder's output; for siamese and cosine pooling its rows are the B pairs'
     *     texts, each pair's first text followed by its second (2B rows)
     * @param tokenTypeIds [B, T]: 0 in the first segment, 1 in the second (read by pair pooling)
     * @param attentionMask [B, T]: 1 at real tokens, 0 at padding (read by mean, pair, siamese and
     *     cosine pooling; [2B, T] for siamese and cosine)
     * @param training whether dropout is on (and, for cosine pooling, whether the first batch may
     *     set the standardisation)
     * @return logits: [B, C] for SEQUENCE, [B, T, C] for TOKEN, [B, T, 2] for SPAN
     */
    public NDArray forward(EncoderOutput encoded, NDArray tokenTypeIds, NDArray attentionMask, boolean training) {
        NDArray x;
        if (kind != HeadKind.SEQUENCE) {
            x = encoded.lastHiddenState();
        } else if (pooling == Pooling.CLS) {
            x = encoded.poolerOutput();
        } else if (pooling == Pooling.MEAN) {
            x = meanOverTokens(encoded.lastHiddenState(), attentionMask);
        } else if (pooling == Pooling.PAIR) {
            x = comparePair(encoded.lastHiddenState(), tokenTypeIds, attentionMask);
        } else if (pooling == Pooling.SIAMESE) {
            NDArray texts = textsApart(encoded.lastHiddenState(), attentionMask); // [B, 2, H]
            x = compare(texts.get(":, 0, :"), texts.get(":, 1, :"));
        } else {
            NDArray texts = textsApart(encoded.lastHiddenState(), attentionMask); // [B, 2, H]
            return dense.forward(standardize.forward(cosine(texts.get(":, 0, :"), texts.get(":, 1, :")), training));
        }
        if (training && dropout > 0) {
            x = Dropout.apply(x, dropout);
        }
        return dense.forward(x);
    }

    /**
     * @param hidden [B, T, H]
     * @param attentionMask [B, T]
     * @return [B, H]: each sequence's mean over its real tokens
     */
    private static NDArray meanOverTokens(NDArray hidden, NDArray attentionMask) {
        return meanOver(hidden, attentionMask.toType(hidden.getDataType(), false));
    }

    /**
     * @param hidden [B, T, H]
     * @param keep [B, T] float: 1 at the tokens to average
     * @return [B, H]: the mean over the kept tokens (zeros where none is kept)
     */
    private static NDArray meanOver(NDArray hidden, NDArray keep) {
        NDArray sum = hidden.mul(keep.expandDims(-1)).sum(new int[] {1}); // [B, H]
        NDArray count = keep.sum(new int[] {1}, true); // [B, 1]
        return sum.div(count.maximum(Scalars.of(count, 1f)));
    }

    /**
     * @param hidden [B, T, H]
     * @param tokenTypeIds [B, T]
     * @param attentionMask [B, T]
     * @return [B, 4H]: {@code [u; v; |u - v|; u * v]}, u and v the means over the first and the
     *     second segment's real tokens
     */
    private static NDArray comparePair(NDArray hidden, NDArray tokenTypeIds, NDArray attentionMask) {
        NDArray real = attentionMask.toType(hidden.getDataType(), false); // [B, T]
        NDArray second = tokenTypeIds.toType(hidden.getDataType(), false).mul(real); // [B, T]
        NDArray u = meanOver(hidden, real.sub(second)); // [B, H]
        NDArray v = meanOver(hidden, second); // [B, H]
        return compare(u, v);
    }

    /**
     * @param hidden [2B, T, H]: rows 2i and 2i + 1 are pair i's first and second text
     * @param attentionMask [2B, T]
     * @return [B, 2, H]: each pair's two texts' means over their real tokens
     */
    private NDArray textsApart(NDArray hidden, NDArray attentionMask) {
        long rows = hidden.getShape().get(0);
        if (rows % 2 != 0) {
            throw new IllegalArgumentException(pooling.json() + " pooling reads two rows per pair, got " + rows + " rows");
        }
        return meanOverTokens(hidden, attentionMask).reshape(rows / 2, 2, -1);
    }

    /**
     * @param u [B, H]
     * @param v [B, H]
     * @return [B, 1]: {@code u · v / max(|u| |v|, 1e-8)}
     */
    private static NDArray cosine(NDArray u, NDArray v) {
        NDArray dot = u.mul(v).sum(new int[] {1}, true); // [B, 1]
        NDArray norms = u.norm(new int[] {1}, true).mul(v.norm(new int[] {1}, true)); // [B, 1]
        return dot.div(norms.maximum(Scalars.of(norms, 1e-8f)));
    }

    /**
     * @param u [B, H]
     * @param v [B, H]
     * @return [B, 4H]: {@code [u; v; |u - v|; u * v]}
     */
    private static NDArray compare(NDArray u, NDArray v) {
        return NDArrays.concat(new NDList(u, v, u.sub(v).abs(), u.mul(v)), -1);
    }

    /** @return whether the head reads {@code bert.pooler}: only a {@code [CLS]}-pooled sequence head does */
    public boolean readsPooler() {
        return kind == HeadKind.SEQUENCE && pooling == Pooling.CLS;
    }

    /** @return what the head reads and outputs */
    public HeadKind kind() {
        return kind;
    }

    /** @return what a sequence head reads */
    public Pooling pooling() {
        return pooling;
    }

    /** @return the number of outputs per example or token */
    public int outputs() {
        return outputs;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape s = inputShapes[0];
        if (kind != HeadKind.SEQUENCE) {
            return new Shape[] {s.slice(0, 2).add(outputs)};
        }
        return new Shape[] {new Shape(pooling.encodesTextsApart() ? s.get(0) / 2 : s.get(0), outputs)};
    }
}
