/**
 * DJL's own inference API over a trained SkillNet model: {@link
 * dev.skillnet.inference.djl.TaskBlock} runs one task as a DJL {@code Block}, and {@link
 * dev.skillnet.inference.djl.TaskTranslator} turns that task's inputs into tensors and its logits
 * into typed results, so that a DJL {@code Predictor} (from {@code
 * MultitaskModel.newPredictor}) serves it like any DJL model.
 */
package dev.skillnet.inference.djl;
