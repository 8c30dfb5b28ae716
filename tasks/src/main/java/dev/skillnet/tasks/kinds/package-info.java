/**
 * Task types: what each kind of task (text classification, sequence labelling, span-extraction
 * reading comprehension) does with its examples — the head it needs, its label set, turning
 * examples into tokenized features with training targets, the loss over the head's logits,
 * decoding logits into predictions, scoring them with the official metric, a majority baseline,
 * and reading and printing {@code skillnet predict} inputs and outputs. Each type implements
 * {@link dev.skillnet.tasks.kinds.TaskKind}.
 */
package dev.skillnet.tasks.kinds;
