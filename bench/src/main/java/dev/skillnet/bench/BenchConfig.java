package dev.skillnet.bench;

import java.nio.file.Path;

/**
 * What to benchmark.
 *
 * @param quick fewer steps and the bundled samples only (finishes within about 3 minutes)
 * @param soak also run 2000 tiny steps to compare resident memory at steps 200 and 2000
 * @param declarations the task declarations folder
 * @param samples the bundled samples (for inference and the tokenizer)
 * @param fullData the full data root for padding waste, or null to use the samples
 * @param phasesOnly measure only the peak resident memory of each phase of a job (evaluation,
 *     training, checkpoint save and load) at BERT-base and bge-small-zh shapes
 * @param soakBgeOnly run only a 2000-step memory soak at bge-small-zh shapes (1 of 4 skills active)
 * @param updateOnly measure only AdamW's update of a whole encoder at bge-small-zh and BERT-base
 *     shapes, one pass against the engine's kernel
 */
public record BenchConfig(boolean quick, boolean soak, Path declarations, Path samples, Path fullData,
        boolean phasesOnly, boolean soakBgeOnly, boolean updateOnly) {}
