/**
 * BERT as HuggingFace's {@code BertModel} names it, with skill feed-forward sub-layers:
 *
 * <pre>
 * embeddings.{word_embeddings, position_embeddings, token_type_embeddings, LayerNorm}
 * encoder.layer.N.attention.self.{query, key, value}
 * encoder.layer.N.attention.output.{dense, LayerNorm}
 * encoder.layer.N.intermediate.dense, encoder.layer.N.output.{dense, LayerNorm}       (plain layer)
 * encoder.layer.N.skills.SKILL.intermediate.dense, ...skills.SKILL.output.{dense, LayerNorm} (skill layer)
 * pooler.dense
 * </pre>
 *
 * Shapes: B batch, T sequence length, H hidden size, I intermediate size.
 */
package dev.skillnet.model.bert;
