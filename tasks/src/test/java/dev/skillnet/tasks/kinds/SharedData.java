package dev.skillnet.tasks.kinds;

import dev.skillnet.core.SharedFixtures;
import dev.skillnet.data.DataSpec;
import dev.skillnet.data.read.DatasetReader;
import dev.skillnet.skills.SkillTable;
import dev.skillnet.tasks.declare.TaskDeclaration;
import dev.skillnet.tasks.declare.TaskDeclarations;
import java.nio.file.Path;

/** Test helper: the bundled declarations and the shared datasets, when present. */
final class SharedData {

    private SharedData() {}

    /** @return the shared data root ({@code -Dskillnet.shared}/data) */
    static Path root() {
        return Path.of(System.getProperty("skillnet.shared", "../../shared"), "data");
    }

    /**
     * Skips the calling test unless the dataset folder exists.
     *
     * @param task a bundled task name, also its data folder
     * @return the task's bundled declaration
     */
    static TaskDeclaration declaration(String task) {
        SharedFixtures.require(root().resolve(task), "the shared " + task + " data");
        return TaskDeclarations.load(Path.of("../declarations"), SkillTable.defaults()).get(task);
    }

    /** @return a reader of the task's data as its declaration says */
    static DatasetReader reader(TaskDeclaration declaration) {
        return new DatasetReader(DataSpec.parse(declaration.data(), declaration.file()), root());
    }
}
