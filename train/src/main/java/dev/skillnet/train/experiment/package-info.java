/**
 * The experiment runner: the modes (and, when asked, sparse pre-training) with equal step budgets
 * and seeds, reported per task with the spread over seeds, parameters activated per task and
 * wall time, as Markdown, JSON and a chart.
 */
package dev.skillnet.train.experiment;
