package dev.skillnet.inference.evaluate;

import dev.skillnet.data.tokenize.Encoded;
import dev.skillnet.model.SkillNetModel;
import dev.skillnet.model.heads.HeadKind;
import dev.skillnet.tasks.declare.TaskDeclaration;
import java.util.List;

/**
 * One job: a task's forward pass over a batch of encoded inputs, returning each input's logits.
 * The model's own forward path ({@link ModelLogits}) is one implementation; an exported graph run
 * by another runtime is another. Evaluation and prediction batch, decode and score the same way
 * whichever runs the batch. Not for concurrent use.
 */
public interface TaskLogits extends AutoCloseable {

    /** @return the model whose tasks it runs */
    SkillNetModel model();

    /**
     * @param task the task
     * @return what the task's head outputs
     * @throws IllegalArgumentException when the model has no head for the task
     */
    default HeadKind headKind(TaskDeclaration task) {
        return model().head(task.name()).kind();
    }

    /** @return the encoder's attention heads, which bound how many long inputs share a batch ({@link EvalBatches}) */
    default int attentionHeads() {
        return model().bert().config().numAttentionHeads();
    }

    /**
     * @param task the task
     * @param batch the inputs, at most as many as {@link EvalBatches} allows for their lengths
     * @return per input, in order, its logits with padding dropped (see {@link TaskEvaluator#rows}):
     *     [C] for a sequence head, [T_i * C] row-major over its own T_i tokens otherwise
     */
    List<float[]> logits(TaskDeclaration task, List<Encoded> batch);

    /**
     * Says that the caller is done with a task for now (evaluate-all, after each task), so that an
     * implementation may free what it holds for it; a later batch of the task loads it again.
     *
     * @param task the task
     */
    default void release(TaskDeclaration task) {}

    /** Frees what the implementation holds beside the model (nothing for the model's own path). */
    @Override
    default void close() {}
}
