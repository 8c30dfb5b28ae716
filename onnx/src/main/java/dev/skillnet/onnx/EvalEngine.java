package dev.skillnet.onnx;

import ai.djl.ndarray.NDManager;
import dev.skillnet.core.UserInputException;
import dev.skillnet.inference.evaluate.LogitsEngine;
import dev.skillnet.inference.evaluate.TaskLogits;
import dev.skillnet.model.SkillNetModel;
import dev.skillnet.model.bert.SkillLayout;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What runs a trained model's forward passes when it is evaluated. ONNX Runtime gets as many
 * intra-op threads as the machine has cores, as PyTorch does.
 */
public enum EvalEngine implements LogitsEngine {
    /** The model's own forward path: DJL's PyTorch engine, the one training uses. */
    PYTORCH("pytorch"),
    /** Each task exported to ONNX in fp32 and run by ONNX Runtime: the same scores, faster. */
    ONNX("onnx"),
    /** Each task exported to ONNX with int8 weights ({@link Precision#INT8}): faster again, scores move a little. */
    ONNX_INT8("onnx-int8");

    private static final Logger LOG = LoggerFactory.getLogger(EvalEngine.class);

    private final String label;

    EvalEngine(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** @return every engine's name */
    public static List<String> names() {
        return Arrays.stream(values()).map(EvalEngine::label).toList();
    }

    /**
     * @param name {@code pytorch}, {@code onnx} or {@code onnx-int8}
     * @return the engine
     * @throws UserInputException naming the accepted values
     */
    public static EvalEngine parse(String name) {
        for (EvalEngine e : values()) {
            if (e.label.equals(name)) {
                return e;
            }
        }
        throw new UserInputException("unknown evaluation engine '" + name + "'; use one of " + names());
    }

    /**
     * A mixture-of-experts model is not exported ({@link TaskGraph}): the ONNX engines evaluate it
     * with the model's own forward path, and say so in the log.
     */
    @Override
    public TaskLogits open(SkillNetModel model, long padId, NDManager manager) {
        if (this == PYTORCH) {
            return LogitsEngine.PYTORCH.open(model, padId, manager);
        }
        SkillLayout layout = model.bert().layout();
        for (int layer = 0; layer < model.bert().config().numHiddenLayers(); layer++) {
            if (layout.hasExperts(layer)) {
                LOG.warn("{}: layer {} holds a mixture of experts, which is not exported to ONNX; evaluating with "
                        + "pytorch", label(), layer);
                return LogitsEngine.PYTORCH.open(model, padId, manager);
            }
        }
        int threads = Runtime.getRuntime().availableProcessors();
        return new OrtTaskLogits(model, padId, this == ONNX ? Precision.FP32 : Precision.INT8, threads);
    }
}
