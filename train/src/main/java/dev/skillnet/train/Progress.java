package dev.skillnet.train;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs training progress: step, task, loss, steps per second, tokens per second and time left. */
public final class Progress {

    private static final Logger LOG = LoggerFactory.getLogger("train");

    private final int total;
    private final int startStep;
    private final long start = System.nanoTime();
    private long windowStart = start;
    private int windowSteps;
    private long windowTokens;
    private double windowLoss;

    public Progress(int total, int startStep) {
        this.total = total;
        this.startStep = startStep;
    }

    public void record(double loss, int tokens) {
        windowSteps++;
        windowTokens += tokens;
        windowLoss += loss;
    }

    public void log(int step, String task, double loss) {
        long now = System.nanoTime();
        double seconds = Math.max(1e-9, (now - windowStart) / 1e9);
        double stepsPerSecond = windowSteps / seconds;
        double elapsed = (now - start) / 1e9;
        long eta = Math.round((total - step) * elapsed / Math.max(1, step - startStep));
        LOG.info(String.format(java.util.Locale.ROOT,
                "step %d/%d | task %-12s | loss %.4f (mean %.4f) | %.2f steps/s | %.0f tokens/s | elapsed %s | ETA %s",
                step, total, task, loss, windowLoss / Math.max(1, windowSteps), stepsPerSecond,
                windowTokens / seconds, format(Math.round(elapsed)), format(eta)));
        windowStart = now;
        windowSteps = 0;
        windowTokens = 0;
        windowLoss = 0;
    }

    public double elapsedSeconds() {
        return (System.nanoTime() - start) / 1e9;
    }

    static String format(long seconds) {
        Duration d = Duration.ofSeconds(seconds);
        return d.toHours() > 0
                ? String.format(java.util.Locale.ROOT, "%dh%02dm", d.toHours(), d.toMinutesPart())
                : String.format(java.util.Locale.ROOT, "%dm%02ds", d.toMinutes(), d.toSecondsPart());
    }
}
