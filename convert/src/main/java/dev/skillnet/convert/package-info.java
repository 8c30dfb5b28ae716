/**
 * Imports pretrained BERT checkpoints into HuggingFace-layout folders ({@code config.json},
 * {@code model.safetensors}, the vocabulary): ONNX exports ({@code onnx}) and TensorFlow tensor
 * bundles ({@code tf}), found in folders, jars and zips nested in them ({@code archive}); and the
 * encoders the tool knows by name ({@code registry}).
 */
package dev.skillnet.convert;
