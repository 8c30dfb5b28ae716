/**
 * Checkpoints: safetensors reading and atomic writing, and loading HuggingFace BERT directories
 * by renaming keys and checking shapes.
 */
package dev.skillnet.model.checkpoint;
