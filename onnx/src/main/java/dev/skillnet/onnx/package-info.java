/**
 * Exporting one task of a trained model to ONNX ({@link dev.skillnet.onnx.TaskGraph}, in fp32 or
 * with int8 weights) and running it with ONNX Runtime ({@link dev.skillnet.onnx.OrtTaskLogits}), an
 * engine for evaluation and prediction beside the model's own forward path.
 */
package dev.skillnet.onnx;
