package dev.skillnet.inference.djl;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.skillnet.inference.evaluate.ActiveSkills;
import dev.skillnet.model.SkillNetModel;
import dev.skillnet.model.heads.HeadKind;
import dev.skillnet.model.heads.TaskHead;
import dev.skillnet.model.nn.NoGradient;
import dev.skillnet.tasks.declare.TaskDeclaration;

/**
 * One task of a SkillNet model as a DJL block: {@code [input_ids, token_type_ids, attention_mask]}
 * in, the task's head output out, with only the task's skills active and no autograd graph
 * recorded. It owns no parameters: the model's weights stay where the model was loaded.
 */
public final class TaskBlock extends AbstractBlock {

    private final SkillNetModel model;
    private final String task;
    private final int[] skills;

    /**
     * @param model the model
     * @param declaration the task, which names its skills
     */
    public TaskBlock(SkillNetModel model, TaskDeclaration declaration) {
        this.model = model;
        this.task = declaration.name();
        this.skills = ActiveSkills.of(model, declaration);
    }

    /**
     * @param inputs input_ids [B, T], token_type_ids [B, T], attention_mask [B, T], int64
     * @return the head's logits: [B, C] for classification, [B, T, C] for tagging, [B, T, 2] for
     *     span extraction
     */
    @Override
    protected NDList forwardInternal(ParameterStore parameterStore, NDList inputs, boolean training,
            PairList<String, Object> params) {
        try (NoGradient noGradient = NoGradient.enter()) {
            return new NDList(model.forward(task, inputs.get(0), inputs.get(1), inputs.get(2), skills, false).logits());
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        TaskHead head = model.head(task);
        Shape ids = inputShapes[0];
        return new Shape[] {head.kind() == HeadKind.SEQUENCE ? new Shape(ids.get(0), head.outputs())
                : new Shape(ids.get(0), ids.get(1), head.outputs())};
    }

    @Override
    public void initializeChildBlocks(ai.djl.ndarray.NDManager manager, DataType dataType, Shape... inputShapes) {
        // no parameters of its own; the model's are loaded
    }
}
