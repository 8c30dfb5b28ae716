/**
 * Pre-training heads and the pre-training model, named as HuggingFace's {@code BertForPreTraining}:
 * {@code cls.predictions.transform.{dense,LayerNorm}}, {@code cls.predictions.bias} (the decoder
 * is tied to {@code bert.embeddings.word_embeddings}) and {@code cls.seq_relationship}.
 */
package dev.skillnet.model.pretrain;
