package dev.skillnet.tasks.declare;

import dev.skillnet.core.UserInputException;
import dev.skillnet.skills.SkillTable;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of reading task declarations: the skill table extended with every task's
 * {@code new_skills}, and the tasks in file-name order.
 *
 * @param skills the skills the model needs, in layer order
 * @param tasks the declared tasks, sorted by file name
 */
public record Declared(SkillTable skills, List<TaskDeclaration> tasks) {

    /** Copies the task list. */
    public Declared {
        Objects.requireNonNull(skills, "skills");
        tasks = List.copyOf(tasks);
    }

    /** @return the task names in order */
    public List<String> names() {
        return tasks.stream().map(TaskDeclaration::name).toList();
    }

    /**
     * @param name a task name
     * @return the task of that name, if declared
     */
    public Optional<TaskDeclaration> find(String name) {
        return tasks.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /**
     * @param name a task name
     * @return the task of that name
     * @throws UserInputException if there is none (the message lists the declared tasks)
     */
    public TaskDeclaration get(String name) {
        return find(name).orElseThrow(() -> new UserInputException(
                "unknown task '" + name + "'; declared tasks: " + String.join(", ", names())));
    }
}
