package dev.skillnet.eval.report;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.skillnet.eval.metrics.Score;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The results of evaluating every task in one run: a printed table, {@code results.json} and
 * {@code results.md}. Scores are percentages rounded to four decimals, so the same run gives the
 * same bytes.
 *
 * @param split the evaluated split
 * @param results one line per task, in task order
 */
public record Report(String split, List<TaskResult> results) {

    /** Copies the list. */
    public Report {
        results = List.copyOf(results);
    }

    /** @return the mean of the tasks' main scores */
    public double average() {
        return results.stream().mapToDouble(r -> r.score().value()).average().orElse(0);
    }

    /**
     * The results as JSON: {@code {"split", "tasks": {NAME: {"main_metric", "main_score",
     * "n_examples", "extras", "skills", "baseline"}}, "average"}}.
     *
     * @return pretty-printed JSON
     */
    public String toJson() {
        JsonObject root = new JsonObject();
        root.addProperty("split", split);
        JsonObject tasks = new JsonObject();
        for (TaskResult r : results) {
            JsonObject t = new JsonObject();
            t.addProperty("main_metric", r.score().metric());
            t.addProperty("main_score", round(r.score().value()));
            t.addProperty("n_examples", r.score().n());
            t.add("extras", extras(r.score().extras()));
            JsonArray skills = new JsonArray();
            r.skills().forEach(skills::add);
            t.add("skills", skills);
            if (r.baseline() != null) {
                JsonObject b = new JsonObject();
                b.addProperty("name", "majority");
                b.addProperty("main_score", round(r.baseline().value()));
                t.add("baseline", b);
            }
            tasks.add(r.task(), t);
        }
        root.add("tasks", tasks);
        root.addProperty("average", round(average()));
        return new GsonBuilder().setPrettyPrinting().create().toJson(root) + "\n";
    }

    /**
     * Reads back what {@link #toJson} wrote. Scores come back as written: rounded to four
     * decimals. A baseline comes back with the task's metric and example count.
     *
     * @param json the text of a {@code results.json}
     * @return the report
     * @throws IllegalArgumentException when the text is not such a report (the message says what is wrong)
     */
    public static Report fromJson(String json) {
        try {
            JsonObject root = JsonParser.parseString(json).getAsJsonObject();
            JsonObject tasks = member(root, "tasks").getAsJsonObject();
            List<TaskResult> results = new ArrayList<>();
            for (Map.Entry<String, JsonElement> e : tasks.entrySet()) {
                JsonObject t = e.getValue().getAsJsonObject();
                String metric = member(t, "main_metric").getAsString();
                int n = member(t, "n_examples").getAsInt();
                Map<String, Double> extras = new LinkedHashMap<>();
                if (t.has("extras")) {
                    t.getAsJsonObject("extras").entrySet().forEach(x -> extras.put(x.getKey(), x.getValue().getAsDouble()));
                }
                List<String> skills = new ArrayList<>();
                if (t.has("skills")) {
                    t.getAsJsonArray("skills").forEach(x -> skills.add(x.getAsString()));
                }
                Score baseline = t.has("baseline")
                        ? new Score(metric, member(t.getAsJsonObject("baseline"), "main_score").getAsDouble(), n)
                        : null;
                results.add(new TaskResult(e.getKey(), skills,
                        new Score(metric, member(t, "main_score").getAsDouble(), n, extras), baseline));
            }
            return new Report(member(root, "split").getAsString(), results);
        } catch (JsonParseException | IllegalStateException | UnsupportedOperationException | NumberFormatException e) {
            throw new IllegalArgumentException("not a results report: " + e.getMessage(), e);
        }
    }

    private static JsonElement member(JsonObject o, String name) {
        JsonElement e = o.get(name);
        if (e == null || e.isJsonNull()) {
            throw new IllegalArgumentException("not a results report: no '" + name + "'");
        }
        return e;
    }

    /** @return the results as a Markdown table with the average */
    public String toMarkdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("# Results (").append(split).append(" split)\n\n");
        sb.append("| task | skills | metric | score | majority baseline | examples |\n");
        sb.append("|---|---|---|---:|---:|---:|\n");
        for (TaskResult r : results) {
            sb.append("| ").append(r.task()).append(" | ").append(String.join(", ", r.skills())).append(" | ")
                    .append(r.score().metric()).append(" | ").append(fmt(r.score().value())).append(" | ")
                    .append(r.baseline() == null ? "n/a" : fmt(r.baseline().value())).append(" | ")
                    .append(r.score().n()).append(" |\n");
        }
        sb.append("\nAverage main score: ").append(fmt(average())).append("\n");
        return sb.toString();
    }

    /** @return an aligned plain-text table for the terminal */
    public String toTable() {
        int taskWidth = Math.max(4, results.stream().mapToInt(r -> r.task().length()).max().orElse(0));
        int skillWidth = Math.max(6, results.stream().mapToInt(r -> String.join(",", r.skills()).length()).max().orElse(0));
        String format = "%-" + taskWidth + "s  %-" + skillWidth + "s  %-9s  %7s  %8s  %8s  %s%n";
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, format, "task", "skills", "metric", "score", "baseline", "examples", ""));
        for (TaskResult r : results) {
            sb.append(String.format(Locale.ROOT, format, r.task(), String.join(",", r.skills()), r.score().metric(),
                    fmt(r.score().value()), r.baseline() == null ? "n/a" : fmt(r.baseline().value()), r.score().n(),
                    r.baseline() == null ? "" : r.beatsBaseline() ? "beats baseline" : "BELOW BASELINE"));
        }
        sb.append(String.format(Locale.ROOT, "average main score: %s%n", fmt(average())));
        return sb.toString();
    }

    private static JsonObject extras(Map<String, Double> extras) {
        JsonObject o = new JsonObject();
        extras.forEach((k, v) -> o.addProperty(k, round(v)));
        return o;
    }

    private static BigDecimal round(double v) {
        return BigDecimal.valueOf(v).setScale(4, RoundingMode.HALF_EVEN).stripTrailingZeros();
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
