package dev.skillnet.inference.evaluate;

import ai.djl.ndarray.NDManager;
import dev.skillnet.model.SkillNetModel;

/** One job: opening a {@link TaskLogits} over a loaded model, so that a caller can choose what runs evaluation. */
public interface LogitsEngine {

    /** The model's own forward path ({@link ModelLogits}), the one training uses. */
    LogitsEngine PYTORCH = new LogitsEngine() {
        @Override
        public String label() {
            return "pytorch";
        }

        @Override
        public TaskLogits open(SkillNetModel model, long padId, NDManager manager) {
            return new ModelLogits(model, padId, manager);
        }
    };

    /** @return the engine's name, as the command line and the logs give it */
    String label();

    /**
     * @param model the model
     * @param padId its tokenizer's padding id
     * @param manager parent of any per-batch NDArray scopes
     * @return what runs the forward passes; close it when done
     */
    TaskLogits open(SkillNetModel model, long padId, NDManager manager);
}
