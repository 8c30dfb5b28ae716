/**
 * Training objectives, one per kind of head: the targets of a batch of features as a tensor, and
 * the loss over the head's logits. Only training needs them; a service that predicts does not.
 */
package dev.skillnet.train.objective;
