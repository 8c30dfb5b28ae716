package dev.skillnet.tasks.declare;

import dev.skillnet.core.UserInputException;
import dev.skillnet.skills.Skill;
import dev.skillnet.skills.SkillTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads task declarations: one JSON file per task. Declaring a task, even one that needs a new
 * skill, is writing a file; no Java changes.
 *
 * <p>Reading happens in two passes so that file order does not matter: first every file's {@code
 * new_skills} extend the skill table (in file-name order), then every task is checked against
 * the extended table.
 */
public final class TaskDeclarations {

    private static final Logger LOG = LoggerFactory.getLogger(TaskDeclarations.class);

    private TaskDeclarations() {}

    /**
     * Reads every {@code *.json} file in a directory, sorted by file name.
     *
     * @param dir the directory of declarations
     * @param skills the skills available before any task adds its own
     * @return the extended skill table and the tasks
     * @throws UserInputException if the directory is missing or holds no declarations, or any
     *     declaration is wrong (the message names the file and the culprit)
     */
    public static Declared load(Path dir, SkillTable skills) {
        if (!Files.isDirectory(dir)) {
            throw new UserInputException(dir, Files.exists(dir) ? "not a directory" : "no such directory");
        }
        List<Path> files;
        try (Stream<Path> entries = Files.list(dir)) {
            files = entries.filter(p -> p.getFileName().toString().endsWith(".json"))
                    .filter(Files::isRegularFile)
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new UserInputException(dir, 0, "cannot list directory: " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new UserInputException("no task declarations (*.json) in " + dir);
        }
        Declared declared = loadFiles(files, skills);
        LOG.info("{} task declarations from {}: {}", declared.tasks().size(), dir, declared.names());
        return declared;
    }

    /**
     * Reads the given declaration files, in the given order.
     *
     * @param files the declaration files
     * @param skills the skills available before any task adds its own
     * @return the extended skill table and the tasks, in the order of {@code files}
     * @throws UserInputException if the list is empty or any declaration is wrong
     */
    public static Declared loadFiles(List<Path> files, SkillTable skills) {
        if (files.isEmpty()) {
            throw new UserInputException("no task declarations given");
        }
        List<TaskFile> read = files.stream().map(TaskFile::read).toList();
        SkillTable extended = withNewSkills(read, skills);
        List<TaskDeclaration> tasks = new ArrayList<>();
        Map<String, Path> byName = new HashMap<>();
        for (TaskFile file : read) {
            TaskDeclaration task = file.declaration(extended);
            Path first = byName.putIfAbsent(task.name(), file.file());
            if (first != null) {
                throw new UserInputException(file.file(), "task '" + task.name()
                        + "' is declared twice, in " + first + " and in " + file.file());
            }
            tasks.add(task);
        }
        return new Declared(extended, tasks);
    }

    private static SkillTable withNewSkills(List<TaskFile> files, SkillTable skills) {
        SkillTable table = skills;
        Map<String, Path> introducedBy = new HashMap<>();
        for (TaskFile file : files) {
            for (Skill skill : file.newSkills()) {
                Path other = introducedBy.get(skill.name());
                if (other != null && other.equals(file.file())) {
                    throw new UserInputException(file.file(), "new skill '" + skill.name()
                            + "' is listed twice in \"new_skills\"");
                }
                if (other != null) {
                    throw new UserInputException(file.file(), "new skill '" + skill.name()
                            + "' is already introduced by " + other
                            + "; introduce it once and list it under \"skills\" elsewhere");
                }
                if (table.contains(skill.name())) {
                    throw new UserInputException(file.file(), "new skill '" + skill.name()
                            + "' is already declared; list it under \"skills\" only");
                }
                table = table.withAdded(skill);
                introducedBy.put(skill.name(), file.file());
            }
        }
        return table;
    }
}
