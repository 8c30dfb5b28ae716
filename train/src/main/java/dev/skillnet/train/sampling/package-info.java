/**
 * The task sampler: which task each joint-training batch comes from. {@link
 * dev.skillnet.train.sampling.SamplingConfig} holds the strategy (proportional, temperature,
 * capped, uniform), any task weights and the {@link dev.skillnet.train.sampling.TaskOrder} (random
 * draws or each task's batches spread evenly); {@link dev.skillnet.train.sampling.TaskSampler}
 * draws with a {@link
 * dev.skillnet.train.sampling.SplitMix64} generator whose one-{@code long} state a checkpoint
 * stores.
 */
package dev.skillnet.train.sampling;
