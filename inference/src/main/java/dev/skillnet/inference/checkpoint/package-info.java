/** Trained model directories that load alone: weights, tokenizer, skills, declarations and labels. */
package dev.skillnet.inference.checkpoint;
