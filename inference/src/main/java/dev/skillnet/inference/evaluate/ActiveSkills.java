package dev.skillnet.inference.evaluate;

import dev.skillnet.core.UserInputException;
import dev.skillnet.model.SkillNetModel;
import dev.skillnet.tasks.declare.TaskDeclaration;
import java.util.LinkedHashSet;

/** The indices of a task's declared skills in a model (none for a model without skill layers). */
public final class ActiveSkills {

    private ActiveSkills() {}

    /**
     * @param model the model
     * @param task the task
     * @return indices into the model's skills, ascending
     * @throws UserInputException when the model lacks one of the task's skills
     */
    public static int[] of(SkillNetModel model, TaskDeclaration task) {
        if (model.bert().layout().skills().isEmpty()) {
            return new int[0];
        }
        try {
            return model.bert().layout().indicesOf(new LinkedHashSet<>(task.skills()));
        } catch (IllegalArgumentException e) {
            throw new UserInputException(task.file(), "task " + task.name() + ": " + e.getMessage());
        }
    }
}
