/** Evaluation reports: the printed table, results.json and results.md for evaluate-all runs. */
package dev.skillnet.eval.report;
