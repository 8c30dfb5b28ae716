/** Joint multitask training: the step loop, the learning-rate schedule, progress, run state and resume. */
package dev.skillnet.train;
