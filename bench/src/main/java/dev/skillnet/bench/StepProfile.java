package dev.skillnet.bench;

import ai.djl.pytorch.jni.JniUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where one training step's time goes, measured: the step runs under PyTorch's profiler, and each
 * operator's self time is summed. Matrix multiplies are the arithmetic the FLOP count describes;
 * everything else (softmax, GELU, LayerNorm, dropout, copies, AdamW's elementwise passes) is the
 * overhead that keeps MFU below 1.
 *
 * @param phases the profiled step's own phases (the profiler adds a little to each)
 * @param matmulSeconds summed self time of the matrix-multiply operators
 * @param ops every operator's self time, largest first
 */
record StepProfile(TrainStepBench.StepPhases phases, double matmulSeconds, List<TraceSelfTime.OpTime> ops) {

    /**
     * Runs one step of {@code bench} under the profiler.
     *
     * @param bench a warmed-up benchmark
     * @return the step's operators by self time
     */
    static StepProfile of(TrainStepBench bench) {
        Path trace = null;
        try {
            trace = Files.createTempFile("skillnet-step-", ".json");
            bench.resetPhases();
            JniUtils.startProfile(false, false, false);
            bench.step();
            JniUtils.stopProfile(trace.toString());
            List<TraceSelfTime.OpTime> ops = TraceSelfTime.read(trace);
            double matmul = ops.stream().filter(o -> TraceSelfTime.MATMUL.contains(o.name()))
                    .mapToDouble(TraceSelfTime.OpTime::seconds).sum();
            return new StepProfile(bench.phases(), matmul, ops);
        } catch (IOException e) {
            throw new UncheckedIOException("profiling a training step", e);
        } finally {
            if (trace != null) {
                try {
                    Files.deleteIfExists(trace);
                } catch (IOException ignored) {
                    // a temporary file left behind is harmless
                }
            }
        }
    }

    /** @return forward and backward time of the profiled step that was not matrix multiplies */
    double otherForwardBackwardSeconds() {
        return phases.forward() + phases.backward() - matmulSeconds;
    }

    /** @return summed self time of all operators */
    double operatorSeconds() {
        return ops.stream().mapToDouble(TraceSelfTime.OpTime::seconds).sum();
    }

    /**
     * @param n how many
     * @return the {@code n} largest operators that are not matrix multiplies
     */
    List<TraceSelfTime.OpTime> topOther(int n) {
        return ops.stream().filter(o -> !TraceSelfTime.MATMUL.contains(o.name())).limit(n).toList();
    }
}
