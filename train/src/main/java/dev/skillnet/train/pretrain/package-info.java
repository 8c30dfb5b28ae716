/**
 * Sparse skill pre-training: masked language modelling and a sentence-pair objective, each
 * running (and updating) only its declared skills, over raw text or the declared tasks' texts.
 */
package dev.skillnet.train.pretrain;
