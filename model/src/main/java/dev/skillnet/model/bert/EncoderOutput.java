package dev.skillnet.model.bert;

import ai.djl.ndarray.NDArray;

/**
 * What the encoder returns, as HuggingFace's {@code BaseModelOutputWithPooling}.
 *
 * @param lastHiddenState [B, T, H]
 * @param poolerOutput [B, H]
 * @param auxLoss scalar: the mixture-of-experts load-balancing loss summed over layers, or null
 *     when the encoder has no experts
 */
public record EncoderOutput(NDArray lastHiddenState, NDArray poolerOutput, NDArray auxLoss) {

    /**
     * @param lastHiddenState [B, T, H]
     * @param poolerOutput [B, H]
     */
    public EncoderOutput(NDArray lastHiddenState, NDArray poolerOutput) {
        this(lastHiddenState, poolerOutput, null);
    }
}
