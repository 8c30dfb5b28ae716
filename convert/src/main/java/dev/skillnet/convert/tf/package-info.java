/**
 * Reads TensorFlow tensor bundles (the {@code .index} table and its {@code .data-NNNNN-of-NNNNN}
 * shards, as in {@code bert_model.ckpt.*} and SavedModel {@code variables/}) and maps Google BERT's
 * variable names to HuggingFace's.
 */
package dev.skillnet.convert.tf;
