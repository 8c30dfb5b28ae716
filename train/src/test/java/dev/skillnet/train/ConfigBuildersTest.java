package dev.skillnet.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.skillnet.core.UserInputException;
import dev.skillnet.train.experiment.ExperimentConfig;
import dev.skillnet.train.extend.ExtensionJob;
import dev.skillnet.train.extend.Freeze;
import dev.skillnet.train.pretrain.PairObjective;
import dev.skillnet.train.pretrain.PretrainConfig;
import dev.skillnet.train.pretrain.PretrainCorpus;
import dev.skillnet.train.pretrain.PretrainJob;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The configuration builders: required values are named when missing, optional ones start at the
 * library's defaults, and a value out of range is named in words, not by a command-line flag.
 */
class ConfigBuildersTest {

    private static final Path OUT = Path.of("out");
    private static final TrainConfig TRAIN = TrainConfig.builder(TrainDefaults.FROM_SCRATCH).optSteps(40).build();

    private static JobConfig job() {
        return JobConfig.builder().setOut(OUT).setTasksDir(Path.of("decl")).setDataRoot(Path.of("data"))
                .setTrain(TRAIN).build();
    }

    @Test
    void aJobNeedsItsFoldersAndTrainingAndDefaultsTheRest() {
        JobConfig j = job();
        assertEquals(List.of(), j.taskNames(), "every declared task");
        assertNull(j.init(), "from scratch");
        assertNull(j.skillsFile(), "the built-in skills");
        assertEquals(new ModelSize(128, 4, 4, 512), j.size());
        assertEquals(Routing.skills(List.of()), j.routing());
        assertEquals(2, j.vocabMinCount());
        NullPointerException e = assertThrows(NullPointerException.class,
                () -> JobConfig.builder().setOut(OUT).setTasksDir(Path.of("decl")).setTrain(TRAIN).build());
        assertEquals("dataRoot", e.getMessage());
    }

    @Test
    void pretrainingDefaultsAreTheLibrarysAndBadValuesAreNamedInWords() {
        PretrainConfig p = PretrainConfig.builder().build();
        assertEquals(3000, p.steps());
        assertEquals(32, p.batchSize());
        assertEquals(1e-3, p.learningRate());
        assertEquals(128, p.maxLength());
        assertEquals(0.15, p.maskProbability());
        assertEquals(PairObjective.NSP, p.pairObjective());
        assertEquals(List.of("token", "general"), p.mlmSkills());
        assertEquals(List.of("sequence", "pair", "general"), p.pairSkills());
        assertEquals(7, p.withSeed(7).seed());
        UserInputException bad = assertThrows(UserInputException.class,
                () -> PretrainConfig.builder().optMaskProbability(1.5).build());
        assertEquals("mask probability must be in (0, 1), got 1.5", bad.getMessage());
        PretrainJob.Config run = PretrainJob.Config.builder().setOut(OUT)
                .setCorpus(new PretrainCorpus(List.of("一"), List.of())).build();
        assertEquals(JobConfig.DEFAULT_VOCAB_MIN_COUNT, run.vocabMinCount());
        assertEquals(p, run.train());
        assertThrows(NullPointerException.class, () -> PretrainJob.Config.builder().setOut(OUT).build());
    }

    @Test
    void anExperimentDefaultsToFourModesOneSeedAndQuarterLengthExtensions() {
        ExperimentConfig x = ExperimentConfig.builder().setOut(OUT).setTemplate(job()).optExtendTask("ocnli").build();
        assertEquals(List.of(Mode.SKILL, Mode.SINGLE, Mode.DENSE, Mode.MOE), x.modes());
        assertEquals(List.of(13L), x.seeds());
        assertEquals(10, x.extendSteps(), "a quarter of the template's 40 steps");
        UserInputException none = assertThrows(UserInputException.class,
                () -> ExperimentConfig.builder().setOut(OUT).setTemplate(job()).optModes(List.of()).build());
        assertEquals("nothing to run: no mode, no pre-training and no task to extend with", none.getMessage());
    }

    @Test
    void anExtensionTrainsEverythingTheNewTaskRunsUnlessTold() {
        ExtensionJob.Config c = ExtensionJob.Config.builder().setModel(Path.of("m")).setTaskFile(Path.of("t.json"))
                .setDataRoot(Path.of("data")).setOut(OUT).setTrain(TRAIN).build();
        assertEquals(Freeze.ALL, c.freeze());
        assertEquals("taskFile", assertThrows(NullPointerException.class, () -> ExtensionJob.Config.builder()
                .setModel(Path.of("m")).setDataRoot(Path.of("data")).setOut(OUT).setTrain(TRAIN).build()).getMessage());
    }
}
