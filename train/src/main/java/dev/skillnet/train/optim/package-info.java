/**
 * The optimiser shared by joint training, pre-training and the benchmark: {@link
 * dev.skillnet.train.optim.AdamW} with decoupled weight decay over the parameters that ran, the
 * global gradient norm and its clipping ({@link dev.skillnet.train.optim.GradientNorm}), and one
 * update step ({@link dev.skillnet.train.optim.UpdateStep}).
 */
package dev.skillnet.train.optim;
