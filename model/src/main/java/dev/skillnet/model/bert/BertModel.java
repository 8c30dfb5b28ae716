package dev.skillnet.model.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.skillnet.model.nn.HfBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The BERT encoder with skill feed-forward layers: {@code embeddings}, {@code encoder}, {@code
 * pooler}. Mathematically identical to HuggingFace's {@code BertModel} when every layer is plain
 * or when all active skills hold the same weights.
 *
 * <p>Parameter names are HuggingFace's keys without the {@code bert.} prefix; see {@link
 * #namedParameters()}.
 */
public final class BertModel extends HfBlock {

    /** Added to attention scores at padded positions (BERT's original additive mask). */
    static final float MASK_BIAS = -10000f;

    private final BertConfig config;
    private final SkillLayout layout;
    private final BertEmbeddings embeddings;
    private final BertEncoder encoder;
    private final BertPooler pooler;

    /**
     * @param config the encoder's sizes
     * @param layout the skills and the layers that hold them
     */
    public BertModel(BertConfig config, SkillLayout layout) {
        for (int layer : layout.skillLayers()) {
            if (layer < 0 || layer >= config.numHiddenLayers()) {
                throw new IllegalArgumentException("skill layer " + layer + " is outside 0.."
                        + (config.numHiddenLayers() - 1));
            }
        }
        this.config = config;
        this.layout = layout;
        embeddings = child("embeddings", new BertEmbeddings(config));
        encoder = child("encoder", new BertEncoder(config, layout));
        pooler = child("pooler", new BertPooler(config));
    }

    /**
     * Runs the encoder with a set of active skills.
     *
     * @param inputIds [B, T] int64
     * @param tokenTypeIds [B, T] int64
     * @param attentionMask [B, T], 1 at real tokens and 0 at padding (any numeric type)
     * @param activeSkills indices into the layout's skills (see {@link SkillLayout#indicesOf})
     * @param training whether dropout is on
     * @return last hidden state [B, T, H] and pooled output [B, H]
     */
    public EncoderOutput forward(NDArray inputIds, NDArray tokenTypeIds, NDArray attentionMask,
            int[] activeSkills, boolean training) {
        long b = inputIds.getShape().get(0);
        long t = inputIds.getShape().get(1);
        NDArray maskBias = attentionMask.toType(DataType.FLOAT32, false)
                .neg().add(1f).mul(MASK_BIAS)
                .reshape(b, 1, 1, t);
        NDArray hidden = embeddings.forward(inputIds, tokenTypeIds, training);
        List<NDArray> auxLosses = new ArrayList<>();
        hidden = encoder.forward(hidden, maskBias, activeSkills, training, auxLosses);
        NDArray aux = null;
        for (NDArray a : auxLosses) {
            aux = aux == null ? a : aux.add(a);
        }
        return new EncoderOutput(hidden, pooler.forward(hidden), aux);
    }

    /**
     * Runs the encoder with skills named.
     *
     * @param inputIds [B, T] int64
     * @param tokenTypeIds [B, T] int64
     * @param attentionMask [B, T]
     * @param activeSkills the skills to run; empty means all
     * @param training whether dropout is on
     * @return last hidden state [B, T, H] and pooled output [B, H]
     */
    public EncoderOutput forward(NDArray inputIds, NDArray tokenTypeIds, NDArray attentionMask,
            Set<String> activeSkills, boolean training) {
        return forward(inputIds, tokenTypeIds, attentionMask, layout.indicesOf(activeSkills), training);
    }

    /**
     * DJL form: inputs (input_ids, token_type_ids, attention_mask); parameter {@code "skills"} an
     * {@code int[]} of active skill indices (all when absent). Returns (last_hidden_state,
     * pooler_output).
     */
    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        int[] active = params != null && params.contains("skills")
                ? (int[]) params.get("skills")
                : layout.indicesOf(Set.of());
        EncoderOutput out = forward(inputs.get(0), inputs.get(1), inputs.get(2), active, training);
        return new NDList(out.lastHiddenState(), out.poolerOutput());
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape s = inputShapes[0];
        return new Shape[] {s.add(config.hiddenSize()), new Shape(s.get(0), config.hiddenSize())};
    }

    /** @return the embeddings block */
    public BertEmbeddings embeddings() {
        return embeddings;
    }

    /** @return the pooler block */
    public BertPooler pooler() {
        return pooler;
    }

    /** @return the encoder's sizes */
    public BertConfig config() {
        return config;
    }

    /** @return the skills and the layers that hold them */
    public SkillLayout layout() {
        return layout;
    }
}
