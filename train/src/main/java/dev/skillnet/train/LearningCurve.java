package dev.skillnet.train;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.reflect.TypeToken;
import dev.skillnet.core.io.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The dev scores of a run at every evaluation, beside the training inputs each task had seen by
 * then: {@code learning_curve.json} in the run folder, rewritten (atomically) at every evaluation,
 * so that a reader can tell whether a task's score was still growing with its data when the run
 * ended. A resumed run keeps the points up to the step it resumes from.
 */
public final class LearningCurve {

    /** The file's name in a run folder. */
    public static final String NAME = "learning_curve.json";

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

    /**
     * One evaluation.
     *
     * @param step the step after which the model was evaluated
     * @param seconds training wall time by then (this process's part, for a resumed run)
     * @param inputsSeen per task, the training inputs drawn so far (windows, for reading
     *     comprehension: one question gives one input per window of its passage)
     * @param epochs per task, {@code inputsSeen} over the task's training inputs
     * @param dev per task, the dev main score in percent
     * @param devAverage their average
     */
    public record Point(int step, double seconds, Map<String, Long> inputsSeen, Map<String, Double> epochs,
            Map<String, Double> dev, double devAverage) {}

    private final Path file;
    private final List<Point> points;

    private LearningCurve(Path file, List<Point> points) {
        this.file = file;
        this.points = points;
    }

    /**
     * A new curve for a fresh run (an earlier run's file is replaced at the first evaluation).
     *
     * @param runDir the run folder
     * @return an empty curve
     */
    public static LearningCurve fresh(Path runDir) {
        return new LearningCurve(runDir.resolve(NAME), new ArrayList<>());
    }

    /**
     * The curve of a run being resumed after {@code step}: its points up to that step.
     *
     * @param runDir the run folder
     * @param step the last step the saved state holds
     * @return the curve so far (empty when the run wrote none)
     */
    public static LearningCurve resumed(Path runDir, int step) {
        List<Point> kept = new ArrayList<>();
        for (Point p : read(runDir.resolve(NAME))) {
            if (p.step() <= step) {
                kept.add(p);
            }
        }
        return new LearningCurve(runDir.resolve(NAME), kept);
    }

    /**
     * @param file a {@code learning_curve.json}
     * @return its points; none when the file does not exist
     * @throws UncheckedIOException when it cannot be read
     * @throws IllegalArgumentException naming the file when it is not a learning curve
     */
    public static List<Point> read(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            List<Point> points = GSON.fromJson(Files.readString(file), new TypeToken<List<Point>>() {}.getType());
            if (points == null) {
                throw new IllegalArgumentException(file + ": empty, expected a JSON array of evaluations");
            }
            return points;
        } catch (JsonParseException e) {
            throw new IllegalArgumentException(file + ": not a learning curve (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * Adds an evaluation and rewrites the file.
     *
     * @param point the evaluation
     */
    public void add(Point point) {
        points.add(point);
        try {
            AtomicFiles.writeString(file, GSON.toJson(points));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** @return the points so far, in step order */
    public List<Point> points() {
        return List.copyOf(points);
    }
}
