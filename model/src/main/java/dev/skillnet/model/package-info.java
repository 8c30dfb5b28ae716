/**
 * {@link dev.skillnet.model.SkillNetModel}: the encoder ({@code bert}: {@link
 * dev.skillnet.model.bert.BertConfig}, HuggingFace's config.json, and {@link
 * dev.skillnet.model.bert.SkillLayout}, which skills each layer's feed-forward holds) with one head
 * per task.
 */
package dev.skillnet.model;
