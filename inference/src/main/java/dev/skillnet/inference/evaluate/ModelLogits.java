package dev.skillnet.inference.evaluate;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.skillnet.data.tokenize.Encoded;
import dev.skillnet.model.SkillNetModel;
import dev.skillnet.model.nn.NoGradient;
import dev.skillnet.tasks.batch.EncoderRows;
import dev.skillnet.tasks.batch.PaddedBatch;
import dev.skillnet.tasks.declare.TaskDeclaration;
import java.util.List;

/**
 * A task's logits from the model's own forward path (DJL and PyTorch): every batch runs in its own
 * NDManager scope and records no autograd graph ({@link NoGradient}).
 *
 * @param model the model
 * @param padId the tokenizer's padding id
 * @param manager parent of the per-batch scopes
 */
public record ModelLogits(SkillNetModel model, long padId, NDManager manager) implements TaskLogits {

    @Override
    public List<float[]> logits(TaskDeclaration task, List<Encoded> batch) {
        int[] skills = ActiveSkills.of(model, task);
        try (NDManager scope = manager.newSubManager(); NoGradient noGradient = NoGradient.enter()) {
            PaddedBatch padded = PaddedBatch.of(EncoderRows.of(model.head(task.name()).pooling(), batch), padId,
                    scope);
            NDArray out = model.forward(task.name(), padded.inputIds(), padded.tokenTypeIds(),
                    padded.attentionMask(), skills, false).logits();
            return TaskEvaluator.rows(out, headKind(task), batch);
        }
    }
}
