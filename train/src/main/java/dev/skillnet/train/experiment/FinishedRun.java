package dev.skillnet.train.experiment;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.skillnet.core.UserInputException;
import dev.skillnet.core.io.AtomicFiles;
import dev.skillnet.eval.report.Report;
import dev.skillnet.train.Throughput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A run of an experiment that has finished, read back from its folder, so that the same
 * experiment run again (after it was stopped, or with more seeds) does not repeat it. A run has
 * finished when its folder holds {@code results.json} and {@code throughput.json}: a run writes
 * them last, and a run started afresh deletes them first. Its wall time is in
 * {@code experiment-run.json}, which the experiment writes after the run; a folder without it (a
 * run of an older version) has no known wall time.
 *
 * @param report its test report, scores as written (rounded to four decimals)
 * @param seconds its wall time, or NaN when not recorded
 * @param pretrainSeconds the wall time of its pre-training (part of {@code seconds}), 0 without, NaN when not recorded
 */
record FinishedRun(Report report, double seconds, double pretrainSeconds) {

    /** The file that records a run's wall time. */
    static final String NAME = "experiment-run.json";

    private static final Logger LOG = LoggerFactory.getLogger(FinishedRun.class);

    /**
     * @param dir a run folder
     * @param variant the variant it belongs to (for the log)
     * @param seed its seed (for the log)
     * @return the run finished in it by an earlier invocation of the experiment, logged, or empty
     */
    static Optional<FinishedRun> find(Path dir, String variant, long seed) {
        Optional<FinishedRun> run = read(dir);
        run.ifPresent(r -> LOG.info("experiment: {} with seed {} has finished in {}; read back, not run again{}",
                variant, seed, dir, Double.isNaN(r.seconds()) ? " (its wall time was not recorded)" : ""));
        return run;
    }

    /**
     * The run finished in a folder, read back; or else runs it now, timed, and records it.
     *
     * @param dir its folder
     * @param variant its variant (for the log)
     * @param seed its seed (for the log)
     * @param run runs it into {@code dir} and returns its test report
     * @return the finished run
     */
    static FinishedRun findOrRun(Path dir, String variant, long seed, Supplier<Report> run) {
        return find(dir, variant, seed).orElseGet(() -> {
            LOG.info("experiment: {} with seed {} in {}", variant, seed, dir);
            long start = System.nanoTime();
            Report report = run.get();
            return record(dir, report, (System.nanoTime() - start) / 1e9, 0);
        });
    }

    /**
     * Records a run that has just finished.
     *
     * @param dir its folder
     * @param report its test report
     * @param seconds its wall time
     * @param pretrainSeconds the wall time of its pre-training, 0 without
     * @return it, as finished
     */
    static FinishedRun record(Path dir, Report report, double seconds, double pretrainSeconds) {
        write(dir, seconds, pretrainSeconds);
        return new FinishedRun(report, seconds, pretrainSeconds);
    }

    /**
     * @param dir a run folder
     * @return the finished run in it, or empty when it has not finished
     * @throws UserInputException when a file of it cannot be read
     */
    static Optional<FinishedRun> read(Path dir) {
        Path results = dir.resolve("results.json");
        if (!Files.isRegularFile(results) || !Files.isRegularFile(dir.resolve(Throughput.NAME))) {
            return Optional.empty();
        }
        Report report;
        try {
            report = Report.fromJson(Files.readString(results));
        } catch (IOException | IllegalArgumentException e) {
            throw new UserInputException(results, "cannot read a finished run's results back: " + e.getMessage());
        }
        double seconds = Double.NaN;
        double pretrain = Double.NaN;
        Path record = dir.resolve(NAME);
        if (Files.isRegularFile(record)) {
            try {
                JsonObject o = JsonParser.parseString(Files.readString(record)).getAsJsonObject();
                seconds = o.get("seconds").getAsDouble();
                pretrain = o.get("pretrain_seconds").getAsDouble();
            } catch (IOException | RuntimeException e) {
                throw new UserInputException(record, "not a run's record of its wall time: " + e.getMessage());
            }
        }
        return Optional.of(new FinishedRun(report, seconds, pretrain));
    }

    /**
     * Records a finished run's wall time in its folder, atomically.
     *
     * @param dir the run folder
     * @param seconds its wall time
     * @param pretrainSeconds the wall time of its pre-training, 0 without
     */
    static void write(Path dir, double seconds, double pretrainSeconds) {
        JsonObject o = new JsonObject();
        o.addProperty("seconds", seconds);
        o.addProperty("pretrain_seconds", pretrainSeconds);
        try {
            AtomicFiles.writeString(dir.resolve(NAME), new GsonBuilder().setPrettyPrinting().create().toJson(o));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the wall time of the run in " + dir, e);
        }
    }
}
