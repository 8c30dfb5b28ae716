package dev.skillnet.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A step profiler hears, for exactly the steps it chooses, where forward, backward and update
 * begin and what batch the step trained on; and watching changes nothing the run computes.
 */
class StepProfilerTest {

    /** Records what it hears. */
    private static final class Recorder implements StepProfiler {
        final List<String> heard = new ArrayList<>();
        final List<int[]> batches = new ArrayList<>();

        @Override
        public boolean profiles(int step) {
            return step >= 4 && step <= 6;
        }

        @Override
        public void begin(int step, Phase phase) {
            heard.add(step + " " + phase);
        }

        @Override
        public void end(int step, String task, int inputs, int paddedTokens, int realTokens) {
            heard.add(step + " end " + task);
            batches.add(new int[] {inputs, paddedTokens, realTokens});
        }
    }

    @Test
    void hearsThePhasesOfTheChosenStepsInOrder(@TempDir Path tmp) {
        Recorder recorder = new Recorder();
        JointTrainer.Result watched = TinyJointRun.run(tmp.resolve("a"), 8, recorder);

        assertEquals(12, recorder.heard.size(), recorder.heard.toString());
        for (int i = 0; i < 3; i++) {
            int step = 4 + i;
            assertEquals(step + " FORWARD", recorder.heard.get(4 * i));
            assertEquals(step + " BACKWARD", recorder.heard.get(4 * i + 1));
            assertEquals(step + " UPDATE", recorder.heard.get(4 * i + 2));
            assertTrue(recorder.heard.get(4 * i + 3).matches(step + " end (chnsenticorp|tnews)"),
                    recorder.heard.get(4 * i + 3));
            int[] b = recorder.batches.get(i);
            assertTrue(b[0] >= 1 && b[0] <= 8, "inputs " + b[0]);
            assertTrue(b[2] > 2 * b[0] && b[2] <= b[1], "real tokens " + b[2] + " within padded " + b[1]);
        }

        JointTrainer.Result unwatched = TinyJointRun.run(tmp.resolve("b"), 8, StepProfiler.NONE);
        assertArrayEquals(unwatched.losses(), watched.losses(), "watching changed a loss");
    }
}
