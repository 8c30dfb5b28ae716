package dev.skillnet.model.bert;

import ai.djl.ndarray.NDArray;

/**
 * What the encoder returns, as HuggingFace's {@code BaseModelOutputWithPooling}.
 *
 * @param lastHiddenState [B, T, H]
 * @param poolerOutput [B, H]
 */
public record EncoderOutput(NDArray lastHiddenState, NDArray poolerOutput) {}
