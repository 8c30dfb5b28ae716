/**
 * Benchmarks measured in one process against the machine's own fp32 GEMM peak: training
 * throughput and model FLOP utilisation with 1 to 4 active skills, DJL's BertBlock at the same
 * shapes, the cost of declared-but-inactive skills, inference per task type, the tokenizer,
 * padding waste, live NDArrays and resident memory.
 */
package dev.skillnet.bench;
