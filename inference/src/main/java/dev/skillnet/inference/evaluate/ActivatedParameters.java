package dev.skillnet.inference.evaluate;

import ai.djl.ndarray.types.Shape;
import dev.skillnet.model.SkillNetModel;
import dev.skillnet.model.bert.SkillLayout;
import dev.skillnet.tasks.declare.TaskDeclaration;
import java.util.Map;

/**
 * Parameters a task's forward pass uses per token: the shared encoder (the pooler only for
 * pooled heads), the task's active skills and its head. In a mixture of experts a token uses the
 * gate and k of the N experts of each layer, so N − k experts are not counted.
 */
public final class ActivatedParameters {

    private ActivatedParameters() {}

    /**
     * @param model the model
     * @param task the task's declaration
     * @return the number of parameters activated for one token of the task
     */
    public static long of(SkillNetModel model, TaskDeclaration task) {
        Map<String, Shape> shapes = model.namedShapes();
        long total = 0;
        for (String name : model.parametersFor(task.name(), ActiveSkills.of(model, task)).keySet()) {
            total += shapes.get(name).size();
        }
        SkillLayout layout = model.bert().layout();
        if (layout.experts() > 0) {
            long oneExpert = 0;
            String prefix = "bert.encoder.layer." + layout.skillLayers().get(0) + ".moe.experts.0.";
            for (var e : shapes.entrySet()) {
                if (e.getKey().startsWith(prefix)) {
                    oneExpert += e.getValue().size();
                }
            }
            total -= (long) layout.skillLayers().size() * (layout.experts() - layout.topK()) * oneExpert;
        }
        return total;
    }

    /**
     * @param model the model
     * @return the number of parameters it stores: every skill, expert, gate and head
     */
    public static long stored(SkillNetModel model) {
        return model.namedShapes().values().stream().mapToLong(Shape::size).sum();
    }
}
