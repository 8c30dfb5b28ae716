/** Running a model over a task's split: batched prediction, decoding and scoring. */
package dev.skillnet.inference.evaluate;
