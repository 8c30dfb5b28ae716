/**
 * Task types: what each kind of task (text classification, sequence labelling, span-extraction
 * reading comprehension) is, as a {@link dev.skillnet.tasks.kinds.TaskKind} of two jobs: a
 * {@link dev.skillnet.tasks.kinds.Featurizer} reads examples, resolves the head's labels and turns
 * examples into tokenized features with training targets; a {@link
 * dev.skillnet.tasks.kinds.Decoder} turns the head's logits into predictions, scores them with the
 * official metric and gives a majority baseline. The loss is training's ({@code
 * dev.skillnet.train.objective}); the JSON of predictions is the API's ({@code
 * dev.skillnet.inference.json}).
 */
package dev.skillnet.tasks.kinds;
