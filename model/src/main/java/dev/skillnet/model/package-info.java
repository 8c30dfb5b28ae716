/**
 * The SkillNet encoder: {@link dev.skillnet.model.BertConfig} (HuggingFace's config.json) and
 * {@link dev.skillnet.model.SkillLayout} (which skills each layer's feed-forward holds).
 */
package dev.skillnet.model;
