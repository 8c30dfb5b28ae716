package dev.skillnet.tasks.declare;

import dev.skillnet.skills.SkillTable;
import java.util.ArrayList;
import java.util.List;

/**
 * The tasks × skills table: one row per task (its name and type), one column per skill in table
 * order, and a mark where the task activates the skill. Printed by {@code skillnet tasks}.
 */
public final class TaskSkillMatrix {

    /** The mark in a cell whose task activates the column's skill. */
    public static final String MARK = "x";

    private TaskSkillMatrix() {}

    /**
     * @param declared skills and tasks
     * @return the table as aligned plain text, one line per row, each ending in a newline
     */
    public static String plainText(Declared declared) {
        return plainText(declared.skills(), declared.tasks());
    }

    /**
     * Renders aligned plain text: columns separated by two spaces, each as wide as its widest
     * cell, marks centred under the skill names, no trailing spaces.
     *
     * @param skills the columns
     * @param tasks the rows
     * @return the table, one line per row, each ending in a newline
     */
    public static String plainText(SkillTable skills, List<TaskDeclaration> tasks) {
        List<List<String>> rows = rows(skills, tasks);
        int columns = rows.get(0).size();
        int[] widths = new int[columns];
        for (List<String> row : rows) {
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                String cell = row.get(c);
                boolean skillColumn = c >= 2;
                int left = skillColumn && !cell.isEmpty() ? (widths[c] - cell.length()) / 2 : 0;
                if (c > 0) {
                    line.append("  ");
                }
                line.append(" ".repeat(left)).append(cell)
                        .append(" ".repeat(widths[c] - left - cell.length()));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    /**
     * @param declared skills and tasks
     * @return the table as a Markdown (GitHub) table, one line per row, each ending in a newline
     */
    public static String markdown(Declared declared) {
        return markdown(declared.skills(), declared.tasks());
    }

    /**
     * Renders a Markdown table with centred skill columns.
     *
     * @param skills the columns
     * @param tasks the rows
     * @return the table, one line per row, each ending in a newline
     */
    public static String markdown(SkillTable skills, List<TaskDeclaration> tasks) {
        List<List<String>> rows = rows(skills, tasks);
        StringBuilder out = new StringBuilder();
        out.append(markdownRow(rows.get(0)));
        List<String> rule = new ArrayList<>(List.of("---", "---"));
        for (int i = 0; i < skills.size(); i++) {
            rule.add(":-:");
        }
        out.append(markdownRow(rule));
        for (List<String> row : rows.subList(1, rows.size())) {
            out.append(markdownRow(row));
        }
        return out.toString();
    }

    private static String markdownRow(List<String> cells) {
        return "| " + String.join(" | ", cells) + " |\n";
    }

    private static List<List<String>> rows(SkillTable skills, List<TaskDeclaration> tasks) {
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("task", "type"));
        header.addAll(skills.names());
        rows.add(header);
        for (TaskDeclaration task : tasks) {
            List<String> row = new ArrayList<>(List.of(task.name(), task.type().jsonName()));
            for (String skill : skills.names()) {
                row.add(task.uses(skill) ? MARK : "");
            }
            rows.add(row);
        }
        return rows;
    }
}
