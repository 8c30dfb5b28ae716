package dev.skillnet.train;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.skillnet.core.UserInputException;
import dev.skillnet.core.io.AtomicFiles;
import dev.skillnet.eval.report.Report;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a run moved per second, training and at test, written as {@code throughput.json} in its
 * folder so that a comparison of variants can put what their quality costs beside it.
 *
 * @param trainInputs training inputs this process trained on (windows, for reading comprehension)
 * @param trainSeconds seconds of training steps, dev evaluations excluded
 * @param testExamples test examples evaluated (questions, for reading comprehension)
 * @param testSeconds seconds of the test evaluation, tokenizing and decoding included
 * @param tasks per task: its batches, inputs, tokens and the seconds of its optimiser steps (empty in
 *     files written before they were recorded)
 */
public record Throughput(long trainInputs, double trainSeconds, long testExamples, double testSeconds,
        Map<String, TaskTime> tasks) {

    /** The file's name in a run folder. */
    public static final String NAME = "throughput.json";

    /** Keeps the per-task map unmodifiable, in its order. */
    public Throughput {
        tasks = Collections.unmodifiableMap(new LinkedHashMap<>(tasks));
    }

    /** A throughput without per-task figures. */
    public Throughput(long trainInputs, double trainSeconds, long testExamples, double testSeconds) {
        this(trainInputs, trainSeconds, testExamples, testSeconds, Map.of());
    }

    /**
     * @param trained what the training loop did
     * @param test the test report of the trained model
     * @param testSeconds how long that test evaluation took
     * @return the run's throughput (test examples are questions, for reading comprehension)
     */
    public static Throughput of(JointTrainer.Result trained, Report test, double testSeconds) {
        return new Throughput(trained.inputs(), trained.trainSeconds(),
                test.results().stream().mapToLong(r -> r.score().n()).sum(), testSeconds, trained.taskTimes());
    }

    /** @return training inputs per second */
    public double trainPerSecond() {
        return trainInputs / trainSeconds;
    }

    /** @return test examples per second */
    public double testPerSecond() {
        return testExamples / testSeconds;
    }

    /**
     * @param other another run's throughput
     * @return both runs together (one model per task, run one after another); a task in both adds up
     */
    public Throughput plus(Throughput other) {
        Map<String, TaskTime> both = new LinkedHashMap<>(tasks);
        other.tasks.forEach((name, t) -> both.merge(name, t, TaskTime::plus));
        return new Throughput(trainInputs + other.trainInputs, trainSeconds + other.trainSeconds,
                testExamples + other.testExamples, testSeconds + other.testSeconds, both);
    }

    /**
     * Writes {@link #NAME} into a folder, atomically.
     *
     * @param dir the run folder
     */
    public void write(Path dir) {
        JsonObject o = new JsonObject();
        o.addProperty("train_inputs", trainInputs);
        o.addProperty("train_seconds", trainSeconds);
        o.addProperty("train_inputs_per_second", trainPerSecond());
        o.addProperty("test_examples", testExamples);
        o.addProperty("test_seconds", testSeconds);
        o.addProperty("test_examples_per_second", testPerSecond());
        double stepSeconds = tasks.values().stream().mapToDouble(TaskTime::seconds).sum();
        JsonObject perTask = new JsonObject();
        tasks.forEach((name, t) -> {
            JsonObject one = new JsonObject();
            one.addProperty("batches", t.batches());
            one.addProperty("inputs", t.inputs());
            one.addProperty("tokens", t.tokens());
            one.addProperty("seconds", t.seconds());
            one.addProperty("seconds_per_batch", t.secondsPerBatch());
            one.addProperty("ms_per_token", t.millisPerToken());
            one.addProperty("share_of_step_seconds", stepSeconds > 0 ? t.seconds() / stepSeconds : 0);
            perTask.add(name, one);
        });
        if (!tasks.isEmpty()) {
            o.add("tasks", perTask);
        }
        try {
            AtomicFiles.writeString(dir.resolve(NAME), new GsonBuilder().setPrettyPrinting().create().toJson(o));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(NAME), e);
        }
    }

    /**
     * @param dir a run folder
     * @return its throughput
     * @throws UserInputException when the file is missing or lacks a field
     */
    public static Throughput read(Path dir) {
        Path file = dir.resolve(NAME);
        try {
            JsonObject o = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
            Map<String, TaskTime> tasks = new LinkedHashMap<>();
            if (o.has("tasks")) {
                for (Map.Entry<String, JsonElement> e : o.getAsJsonObject("tasks").entrySet()) {
                    JsonObject t = e.getValue().getAsJsonObject();
                    String at = "tasks." + e.getKey() + ".";
                    tasks.put(e.getKey(), new TaskTime(field(t, file, at, "batches").getAsLong(),
                            field(t, file, at, "inputs").getAsLong(), field(t, file, at, "tokens").getAsLong(),
                            field(t, file, at, "seconds").getAsDouble()));
                }
            }
            return new Throughput(field(o, file, "", "train_inputs").getAsLong(),
                    field(o, file, "", "train_seconds").getAsDouble(), field(o, file, "", "test_examples").getAsLong(),
                    field(o, file, "", "test_seconds").getAsDouble(), tasks);
        } catch (IOException e) {
            throw new UserInputException(file, "cannot read it (" + e.getMessage() + ")", e);
        } catch (JsonParseException | IllegalStateException | UnsupportedOperationException e) {
            throw new UserInputException(file, "not a throughput record (" + e.getMessage() + ")", e);
        }
    }

    private static JsonElement field(JsonObject o, Path file, String at, String name) {
        if (!o.has(name)) {
            throw new UserInputException(file, "field '" + at + name + "' is missing");
        }
        return o.get(name);
    }
}
