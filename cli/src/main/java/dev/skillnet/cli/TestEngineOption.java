package dev.skillnet.cli;

import dev.skillnet.onnx.EvalEngine;
import picocli.CommandLine.Option;

/** {@code --test-engine}: what runs the best checkpoint's test evaluation at the end of a training run. */
final class TestEngineOption {

    @Option(names = "--test-engine", defaultValue = "onnx", paramLabel = "NAME", description = {
            "What runs the final test evaluation (default ${DEFAULT-VALUE}): onnx (ONNX Runtime, fp32: the scores of",
            "pytorch, faster), onnx-int8 (int8 weights: faster again, scores move a little) or pytorch (as in",
            "training). Dev evaluations during training always use pytorch."})
    String name = "onnx";

    /** @return the engine named */
    EvalEngine engine() {
        return EvalEngine.parse(name);
    }
}
