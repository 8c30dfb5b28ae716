package dev.skillnet.model;

import ai.djl.ndarray.NDArray;

/**
 * What one forward pass of a task gives: its head's logits and, for a mixture of experts, the
 * load-balancing loss that training adds to the task's loss.
 *
 * @param logits the head's output (see {@link dev.skillnet.model.heads.TaskHead#forward})
 * @param auxLoss the encoder's auxiliary loss, a scalar, or null when it has none
 */
public record TaskOutput(NDArray logits, NDArray auxLoss) {}
