package dev.skillnet.train;

import dev.skillnet.skills.SkillTable;
import dev.skillnet.tasks.declare.Declared;
import dev.skillnet.tasks.declare.TaskDeclarations;
import dev.skillnet.tasks.run.Task;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The bundled declarations over the bundled samples (real data subsets shipped in data/samples). */
final class BundledTasks {

    static final Path DECLARATIONS = Path.of("..", "declarations");
    static final Path SAMPLES = Path.of("..", "data", "samples");

    private BundledTasks() {}

    static List<Task<?, ?>> open(String... names) {
        Declared declared = TaskDeclarations.load(DECLARATIONS, SkillTable.defaults());
        List<Task<?, ?>> tasks = new ArrayList<>();
        for (String n : names) {
            tasks.add(Task.open(declared.get(n), SAMPLES));
        }
        return tasks;
    }
}
