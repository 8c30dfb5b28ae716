package dev.skillnet.cli;

import dev.skillnet.skills.Skill;
import dev.skillnet.skills.SkillTable;
import dev.skillnet.tasks.declare.Declared;
import dev.skillnet.tasks.declare.TaskDeclarations;
import dev.skillnet.tasks.declare.TaskSkillMatrix;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code skillnet tasks}: the declared skills and the task-to-skill table. */
@Command(name = "tasks", mixinStandardHelpOptions = true,
        description = "Print the declared skills and which skills each declared task activates.")
final class TasksCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--tasks", paramLabel = "DIR",
            description = "Folder of task declarations (*.json). Default: the bundled declarations/.")
    Path tasksDir;

    @Option(names = "--skills", paramLabel = "FILE",
            description = "A skill table (JSON array of {name, description}). Default: the seven built-in skills.")
    Path skillsFile;

    @Option(names = "--markdown", description = "Print the table as Markdown.")
    boolean markdown;

    @Override
    public Integer call() {
        SkillTable skills = skillsFile == null ? SkillTable.defaults() : SkillTable.load(skillsFile);
        Declared declared = TaskDeclarations.load(tasksDir == null ? Home.declarations() : tasksDir, skills);
        PrintWriter out = spec.commandLine().getOut();
        out.println("Skills:");
        int width = declared.skills().names().stream().mapToInt(String::length).max().orElse(0);
        for (Skill s : declared.skills().skills()) {
            out.printf("  %-" + width + "s  %s%n", s.name(), s.description());
        }
        out.println();
        out.println("Tasks x skills:");
        out.print(markdown ? TaskSkillMatrix.markdown(declared) : TaskSkillMatrix.plainText(declared));
        out.flush();
        return 0;
    }
}
