/**
 * DJL building blocks with HuggingFace parameter names: {@link dev.skillnet.model.nn.Dense},
 * {@link dev.skillnet.model.nn.LayerNorm}, {@link dev.skillnet.model.nn.Embedding},
 * {@link dev.skillnet.model.nn.Standardize} (statistics set by the first training batch), the
 * {@link dev.skillnet.model.nn.HfBlock} base that names children plainly, and seeded
 * initialisation.
 */
package dev.skillnet.model.nn;
