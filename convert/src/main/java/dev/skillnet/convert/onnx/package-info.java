/** Reads ONNX BERT exports: the protobuf graph, its initialisers, and their HuggingFace names. */
package dev.skillnet.convert.onnx;
