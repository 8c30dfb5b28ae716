package dev.skillnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skillnet.core.UserInputException;
import dev.skillnet.train.TrainConfig;
import dev.skillnet.train.TrainDefaults;
import dev.skillnet.train.sampling.SamplingConfig;
import dev.skillnet.train.sampling.TaskOrder;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine;

/**
 * The optimisation options: a value given wins; otherwise the library's defaults for the start
 * (from scratch or {@code --init}), which are also what the help text says.
 */
class TrainOptionsTest {

    @Command(name = "t")
    static final class Holder {
        @Mixin
        TrainOptions options = new TrainOptions();
    }

    private static TrainOptions parse(String... args) {
        Holder h = new Holder();
        new CommandLine(h).parseArgs(args);
        return h.options;
    }

    @Test
    void optionsNotGivenTakeTheDefaultsOfTheStart() {
        TrainConfig scratch = parse().toConfig(false);
        TrainConfig tuned = parse().toConfig(true);
        check(TrainDefaults.FROM_SCRATCH, scratch);
        check(TrainDefaults.FINE_TUNING, tuned);
        assertEquals(0, tuned.devLimit());
    }

    private static void check(TrainDefaults d, TrainConfig c) {
        assertEquals(d.steps(), c.steps());
        assertEquals(d.batchSize(), c.batchSize());
        assertEquals(d.learningRate(), c.learningRate());
        assertEquals(d.warmupFraction(), c.warmupFraction());
        assertEquals(d.weightDecay(), c.weightDecay());
        assertEquals(d.clipNorm(), c.clipNorm());
        assertEquals(d.evalEvery(), c.evalEvery());
        assertEquals(d.dropout(), c.dropout());
        assertEquals(d.sampling(), c.sampling());
        assertEquals(d.labelPrior(), c.labelPrior());
    }

    @Test
    void givenOptionsWinOverEitherDefault() {
        TrainConfig c = parse("--lr", "7e-5", "--batch-size", "8", "--dropout", "0", "--sampling", "uniform",
                "--dev-limit", "300", "--head-lr", "1e-3").toConfig(true);
        assertEquals(7e-5, c.learningRate());
        assertEquals(1e-3, c.headLearningRate());
        assertEquals(8, c.batchSize());
        assertEquals(0.0, c.dropout());
        assertEquals(SamplingConfig.parse("uniform"), c.sampling());
        assertEquals(300, c.devLimit());
        assertNull(parse().toConfig(false).dropout(), "the encoder's own dropout unless told");
        assertNull(parse().toConfig(false).headLearningRate(), "from scratch the heads learn at --lr unless told");
        assertEquals(7e-4, parse("--lr", "7e-5").toConfig(true).headLearningRate(), 1e-15,
                "with --init, ten times the --lr unless told");
    }

    @Test
    void taskWeightsRepeatAndWeighTheSamplingGivenOrTheDefault() {
        TrainConfig c = parse("--task-weight", "msra_ner=3", "--task-weight", "afqmc=0.5", "--sampling",
                "temperature:3").toConfig(true);
        assertEquals(SamplingConfig.temperature(3).withTaskWeights(Map.of("msra_ner", 3.0, "afqmc", 0.5)),
                c.sampling());
        assertEquals(TrainDefaults.FINE_TUNING.sampling().withTaskWeights(Map.of("ocnli", 2.0)),
                parse("--task-weight", "ocnli=2").toConfig(true).sampling());
        assertThrows(CommandLine.ParameterException.class, () -> parse("--task-weight", "ocnli=lots"));
        assertThrows(UserInputException.class, () -> parse("--task-weight", "ocnli=0").toConfig(true));
    }

    @Test
    void taskOrderSpreadsTheBatchesOfTheSamplingGivenOrTheDefault() {
        assertEquals(SamplingConfig.temperature(3).withTaskWeights(Map.of("afqmc", 0.5)).withOrder(TaskOrder.EVEN),
                parse("--task-order", "even", "--task-weight", "afqmc=0.5", "--sampling", "temperature:3")
                        .toConfig(true).sampling());
        assertEquals(TaskOrder.RANDOM, parse().toConfig(true).sampling().order());
        assertEquals(TaskOrder.RANDOM, parse("--task-order", "Random").toConfig(false).sampling().order());
        assertThrows(UserInputException.class, () -> parse("--task-order", "sorted").toConfig(true));
    }

    @Test
    void theLabelPriorCanBeTurnedOnOrOffWhateverTheStart() {
        assertFalse(parse("--no-label-prior").toConfig(true).labelPrior());
        assertTrue(parse("--label-prior").toConfig(false).labelPrior());
    }

    @Test
    void skipDevKeepsTheLastModelAndRefusesDevSettings() {
        assertTrue(parse("--skip-dev").toConfig(true).skipDev());
        assertFalse(parse().toConfig(true).skipDev());
        assertThrows(UserInputException.class, () -> parse("--skip-dev", "--eval-every", "100").toConfig(true));
        assertThrows(UserInputException.class, () -> parse("--skip-dev", "--dev-limit", "50").toConfig(false));
    }

    @Test
    void theHelpTextStatesTheLibraryDefaults() {
        String help = new CommandLine(new Holder()).getUsageMessage();
        TrainDefaults s = TrainDefaults.FROM_SCRATCH;
        TrainDefaults f = TrainDefaults.FINE_TUNING;
        for (String expected : new String[] {
            "default " + s.steps() + ")",
            "default " + s.batchSize() + " from scratch, " + f.batchSize() + " with --init",
            "default " + lr(s.learningRate()) + " from scratch, " + lr(f.learningRate()) + " with --init",
            "default " + s.warmupFraction() + ")",
            "default " + s.weightDecay() + ")",
            "default " + s.clipNorm() + ")",
            "default " + s.evalEvery() + ")",
            "default: " + ratio(f.headLearningRateRatio()) + " x the --lr with --init, the --lr from scratch",
            "default " + onOff(f.labelPrior()) + " with --init, " + onOff(s.labelPrior()) + " from scratch",
        }) {
            assertTrue(help.replaceAll("\\s+", " ").contains(expected), "help should say '" + expected + "':\n" + help);
        }
        assertEquals(s.steps(), f.steps());
        assertEquals(s.warmupFraction(), f.warmupFraction());
        assertEquals(s.weightDecay(), f.weightDecay());
        assertEquals(s.clipNorm(), f.clipNorm());
        assertEquals(s.evalEvery(), f.evalEvery());
        assertEquals(1.0, s.headLearningRateRatio());
    }

    private static String onOff(boolean v) {
        return v ? "on" : "off";
    }

    private static String ratio(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    private static String lr(double v) {
        return String.format(Locale.ROOT, "%.0e", v).replace("e-0", "e-");
    }
}
