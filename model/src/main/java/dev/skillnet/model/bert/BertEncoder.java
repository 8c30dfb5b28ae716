package dev.skillnet.model.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.skillnet.model.nn.HfBlock;
import java.util.ArrayList;
import java.util.List;

/** {@code encoder}: the stack {@code layer.0} ... {@code layer.L-1}. */
public final class BertEncoder extends HfBlock {

    private final List<BertLayer> layers = new ArrayList<>();

    /**
     * @param config the encoder's sizes
     * @param layout which layers hold which skills
     */
    public BertEncoder(BertConfig config, SkillLayout layout) {
        LayerList list = child("layer", new LayerList());
        for (int i = 0; i < config.numHiddenLayers(); i++) {
            layers.add(list.add(i, new BertLayer(config, layout.hasSkills(i) ? layout.skills() : List.of(),
                    layout.hasExperts(i) ? layout.experts() : 0, layout.topK())));
        }
    }

    /**
     * @param x [B, T, H], the embeddings
     * @param maskBias [B, 1, 1, T]
     * @param activeSkills indices of the active skills
     * @param training whether dropout is on
     * @param auxLosses receives each mixture-of-experts layer's load-balancing loss
     * @return [B, T, H], the last layer's output
     */
    public NDArray forward(NDArray x, NDArray maskBias, int[] activeSkills, boolean training,
            List<NDArray> auxLosses) {
        if (training) {
            for (BertLayer layer : layers) {
                x = layer.forward(x, maskBias, activeSkills, true, auxLosses);
            }
            return x;
        }
        // Inference keeps one layer's intermediate arrays at a time: each layer runs in its own
        // scope and only its output (and a mixture's auxiliary loss) leaves it. Without this, a
        // batch of 64 x 128 through BERT-base with three skills held every layer's activations
        // (about 1 GB a layer) until the batch ended.
        NDManager owner = x.getManager();
        for (int i = 0; i < layers.size(); i++) {
            try (NDManager scope = owner.newSubManager()) {
                if (i == 0) {
                    x.tempAttach(scope); // the caller's array goes back to its manager
                } else {
                    x.attach(scope); // the previous layer's output is freed with this layer's scope
                }
                int auxBefore = auxLosses.size();
                NDArray out = layers.get(i).forward(x, maskBias, activeSkills, false, auxLosses);
                out.attach(owner);
                for (NDArray aux : auxLosses.subList(auxBefore, auxLosses.size())) {
                    aux.attach(owner);
                }
                x = out;
            }
        }
        return x;
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    /** The numbered list {@code layer}, as PyTorch's {@code nn.ModuleList}. */
    private static final class LayerList extends HfBlock {
        BertLayer add(int index, BertLayer layer) {
            return child(Integer.toString(index), layer);
        }

        @Override
        public Shape[] getOutputShapes(Shape[] inputShapes) {
            return inputShapes;
        }
    }
}
