package dev.skillnet.train.experiment;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.skillnet.core.io.AtomicFiles;
import dev.skillnet.train.extend.SkillSearch;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Writes an experiment's results: {@code experiment.json}, {@code experiment.md} and {@code experiment.png}. */
public final class ExperimentReport {

    private ExperimentReport() {}

    /**
     * @param dir the experiment folder
     * @param variants the results
     * @param seeds the seeds used
     * @param command the command that reproduces the experiment
     * @throws IOException when writing fails
     */
    public static void write(Path dir, List<VariantResult> variants, List<Long> seeds, String command)
            throws IOException {
        write(dir, variants, seeds, command, List.of());
    }

    /**
     * @param dir the experiment folder
     * @param variants the results
     * @param seeds the seeds used
     * @param command the command that reproduces the experiment
     * @param searches the skill-set searches of the extension experiment, in seed order
     * @throws IOException when writing fails
     */
    public static void write(Path dir, List<VariantResult> variants, List<Long> seeds, String command,
            List<SkillSearch.Result> searches) throws IOException {
        JsonObject json = json(variants, seeds, command);
        if (!searches.isEmpty()) {
            JsonArray all = new JsonArray();
            searches.forEach(r -> all.add(r.toJson()));
            json.add("searches", all);
        }
        AtomicFiles.writeString(dir.resolve("experiment.json"), new GsonBuilder().setPrettyPrinting().create().toJson(json));
        AtomicFiles.writeString(dir.resolve("experiment.md"), markdown(variants, seeds, command, searches));
        BarChart.write(dir.resolve("experiment.png"), tasks(variants), variants);
    }

    /**
     * @param variants the results
     * @return the task names in first-seen order
     */
    public static List<String> tasks(List<VariantResult> variants) {
        Set<String> names = new LinkedHashSet<>();
        variants.forEach(v -> names.addAll(v.scores().keySet()));
        return new ArrayList<>(names);
    }

    static JsonObject json(List<VariantResult> variants, List<Long> seeds, String command) {
        JsonObject o = new JsonObject();
        o.addProperty("command", command);
        JsonArray s = new JsonArray();
        seeds.forEach(s::add);
        o.add("seeds", s);
        JsonArray vs = new JsonArray();
        for (VariantResult v : variants) {
            JsonObject j = new JsonObject();
            j.addProperty("variant", v.name());
            JsonObject tasks = new JsonObject();
            v.scores().forEach((task, scores) -> {
                JsonObject t = new JsonObject();
                t.addProperty("mean", VariantResult.mean(scores));
                t.addProperty("std", VariantResult.std(scores));
                JsonArray all = new JsonArray();
                scores.forEach(all::add);
                t.add("scores", all);
                t.addProperty("activated_parameters", v.activated().getOrDefault(task, 0L));
                tasks.add(task, t);
            });
            j.add("tasks", tasks);
            j.addProperty("average_mean", VariantResult.mean(v.averages()));
            j.addProperty("average_std", VariantResult.std(v.averages()));
            j.addProperty("parameters_stored", v.stored());
            double wall = VariantResult.meanOfKnown(v.seconds());
            if (Double.isFinite(wall)) {
                j.addProperty("wall_seconds_mean", wall);
            }
            if (!v.throughput().isEmpty()) {
                j.addProperty("train_inputs_per_second_mean", v.trainPerSecond());
                j.addProperty("test_examples_per_second_mean", v.testPerSecond());
            }
            if (!v.pretrainSeconds().isEmpty()) {
                double pre = VariantResult.meanOfKnown(v.pretrainSeconds());
                if (Double.isFinite(pre)) {
                    j.addProperty("pretrain_seconds_mean", pre);
                }
            }
            vs.add(j);
        }
        o.add("variants", vs);
        JsonArray fs = new JsonArray();
        for (Findings.Finding f : Findings.of(variants)) {
            JsonObject j = new JsonObject();
            j.addProperty("first", f.first());
            j.addProperty("second", f.second());
            j.addProperty("task", f.task());
            j.addProperty("seeds", f.difference().n());
            j.addProperty("mean_difference", f.difference().mean());
            if (!Double.isNaN(f.difference().low())) {
                j.addProperty("ci95_low", f.difference().low());
                j.addProperty("ci95_high", f.difference().high());
            }
            j.addProperty("verdict", f.verdict());
            fs.add(j);
        }
        o.add("findings", fs);
        return o;
    }

    static String markdown(List<VariantResult> variants, List<Long> seeds, String command,
            List<SkillSearch.Result> searches) {
        List<String> tasks = tasks(variants);
        StringBuilder sb = new StringBuilder();
        sb.append("Test main scores (%), mean");
        sb.append(seeds.size() > 1 ? " ± standard deviation over seeds " : " for seed ").append(seeds).append(".\n\n");
        sb.append("| variant |");
        tasks.forEach(t -> sb.append(' ').append(t).append(" |"));
        sb.append(" average | wall time |\n|---|");
        tasks.forEach(t -> sb.append("---:|"));
        sb.append("---:|---:|\n");
        for (VariantResult v : variants) {
            sb.append("| ").append(v.name()).append(" |");
            for (String t : tasks) {
                sb.append(' ').append(cell(v.scores().get(t))).append(" |");
            }
            sb.append(' ').append(cell(v.averages())).append(" | ").append(time(v)).append(" |\n");
        }
        sb.append("\nWhat the quality costs: parameters stored, parameters activated per token by task, training "
                + "inputs per second (dev evaluations excluded; windows for reading comprehension) and test examples "
                + "per second (the whole test evaluation, tokenizing and decoding included), means over seeds:\n\n"
                + "| variant | stored |");
        tasks.forEach(t -> sb.append(' ').append(t).append(" |"));
        sb.append(" train inputs/s | test examples/s |\n|---|---:|");
        tasks.forEach(t -> sb.append("---:|"));
        sb.append("---:|---:|\n");
        for (VariantResult v : variants) {
            sb.append("| ").append(v.name()).append(" | ").append(String.format(Locale.ROOT, "%.2fM", v.stored() / 1e6))
                    .append(" |");
            for (String t : tasks) {
                Long n = v.activated().get(t);
                sb.append(' ').append(n == null ? "-" : String.format(Locale.ROOT, "%.2fM", n / 1e6)).append(" |");
            }
            sb.append(' ').append(rate(v.trainPerSecond())).append(" | ").append(rate(v.testPerSecond())).append(" |\n");
        }
        List<Findings.Finding> findings = Findings.of(variants);
        if (!findings.isEmpty()) {
            sb.append("\nThe claims, as differences paired by seed (first minus second; mean and 95% interval from "
                    + "Student's t over seeds). A claim is reproduced on a task only when its interval lies above "
                    + "zero:\n\n| claim | task | difference | seeds | verdict |\n|---|---|---:|---:|---|\n");
            for (Findings.Finding f : findings) {
                sb.append("| ").append(f.first()).append(" better than ").append(f.second()).append(" | ")
                        .append(f.task()).append(" | ").append(f.difference().text()).append(" | ")
                        .append(f.difference().n()).append(" | ").append(f.verdict()).append(" |\n");
            }
        }
        if (!searches.isEmpty()) {
            sb.append("\nSkill-set searches for the new task (dev main score after each trial's short extension; "
                    + "every trial in the seed's `search.md`):\n\n| seed | declared (dev) | picked (dev) | trials | "
                    + "seconds |\n|---:|---|---|---:|---:|\n");
            for (int i = 0; i < searches.size(); i++) {
                SkillSearch.Result r = searches.get(i);
                double declaredDev = r.trials().get(0).devScore();
                sb.append(String.format(Locale.ROOT, "| %s | %s (%.2f) | %s (%.2f) | %d | %.0f |%n",
                        i < seeds.size() ? seeds.get(i).toString() : "-", String.join(", ", r.declared()), declaredDev,
                        String.join(", ", r.best().skills()), r.best().devScore(), r.trials().size(), r.seconds()));
            }
        }
        sb.append("\nReproduce with:\n\n```\n").append(command).append("\n```\n");
        return sb.toString();
    }

    private static String rate(double perSecond) {
        return Double.isNaN(perSecond) ? "-" : String.format(Locale.ROOT, "%.1f", perSecond);
    }

    private static String cell(List<Double> values) {
        if (values == null || values.isEmpty()) {
            return "-";
        }
        double m = VariantResult.mean(values);
        return values.size() > 1 ? String.format(Locale.ROOT, "%.2f ± %.2f", m, VariantResult.std(values))
                : String.format(Locale.ROOT, "%.2f", m);
    }

    private static String time(VariantResult v) {
        double s = VariantResult.meanOfKnown(v.seconds());
        if (!Double.isFinite(s)) {
            return "n/a";
        }
        long known = v.seconds().stream().filter(Double::isFinite).count();
        String base = String.format(Locale.ROOT, "%dm%02ds", (long) s / 60, (long) s % 60)
                + (known < v.seconds().size() ? String.format(Locale.ROOT, " (%d of %d seeds)", known, v.seconds().size())
                        : "");
        double p = VariantResult.meanOfKnown(v.pretrainSeconds());
        if (!v.pretrainSeconds().isEmpty() && Double.isFinite(p)) {
            base += String.format(Locale.ROOT, " (of which pre-training %dm%02ds)", (long) p / 60, (long) p % 60);
        }
        return base;
    }
}
