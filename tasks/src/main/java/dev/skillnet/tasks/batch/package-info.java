/** Batching: dynamic padding and seeded, length-bucketed batch streams for training. */
package dev.skillnet.tasks.batch;
