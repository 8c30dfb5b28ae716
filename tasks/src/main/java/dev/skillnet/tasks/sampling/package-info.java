/**
 * The task sampler: which task each joint-training batch comes from. {@link
 * dev.skillnet.tasks.sampling.SamplingConfig} holds the strategy (proportional, temperature,
 * capped, uniform); {@link dev.skillnet.tasks.sampling.TaskSampler} draws with a {@link
 * dev.skillnet.tasks.sampling.SplitMix64} generator whose one-{@code long} state a checkpoint
 * stores.
 */
package dev.skillnet.tasks.sampling;
