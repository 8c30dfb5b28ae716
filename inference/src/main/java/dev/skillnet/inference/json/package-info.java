/**
 * The JSON of predictions: what each task type reads as input ({@code text}, {@code text_pair},
 * {@code question} and {@code context}) and answers ({@code label} and {@code probabilities},
 * {@code entities} and {@code tags}, {@code answer} with its offsets and probability), shared by
 * {@code skillnet predict} and the HTTP server. A bad input names its field ({@link
 * dev.skillnet.inference.json.FieldException}).
 */
package dev.skillnet.inference.json;
