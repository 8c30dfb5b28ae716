/** Joint multitask training: the step loop, AdamW restricted to the parameters that ran, the schedule and progress. */
package dev.skillnet.tasks.train;
