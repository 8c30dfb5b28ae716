/**
 * {@link dev.skillnet.convert.source.WeightSource}: what every checkpoint reader (ONNX,
 * TensorFlow) offers the importer, a pretrained BERT's tensors under HuggingFace's names.
 */
package dev.skillnet.convert.source;
