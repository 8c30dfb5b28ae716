package dev.skillnet.cli;

import dev.skillnet.core.UserInputException;
import dev.skillnet.eval.report.Report;
import dev.skillnet.train.extend.ExtensionJob;
import dev.skillnet.train.extend.Freeze;
import dev.skillnet.train.extend.SkillSearch;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code skillnet extend}: add a newly declared task to a trained model. */
@Command(name = "extend", mixinStandardHelpOptions = true,
        description = {"Add a new task to a trained model: its declaration lists existing skills, or brings one",
                "under \"new_skills\" (which starts as a copy of 'general'). Trains the new task alone, keeps the",
                "best checkpoint in OUT/best with every task, then evaluates the new task and every old one on",
                "test (OUT/results.json, OUT/results.md), so that forgetting shows."})
final class ExtendCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "A trained SkillNet model folder (a run's best/).")
    Path model;

    @Option(names = "--task", required = true, paramLabel = "FILE", description = "The new task's declaration.")
    Path taskFile;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write.")
    Path out;

    @Option(names = "--data", paramLabel = "DIR", description = "Data root (default: ../shared/data).")
    Path dataRoot;

    @Option(names = "--train", defaultValue = "all",
            description = "all (everything the task runs), new (only the new skill and the head) or head (default ${DEFAULT-VALUE}).")
    String train;

    @Option(names = "--search-skills", description = {"First search the model's skills for the set the new task",
            "should run through (greedy forward selection, each set scored by a short seeded extension on the",
            "task's dev split; OUT/search.json, OUT/search.md), then extend with the best set found."})
    boolean searchSkills;

    @Option(names = "--search-steps", defaultValue = "200", paramLabel = "N",
            description = "Steps of each search trial (default ${DEFAULT-VALUE}).")
    int searchSteps;

    @Option(names = "--search-max-skills", defaultValue = "3", paramLabel = "K",
            description = "The largest set forward selection builds (default ${DEFAULT-VALUE}).")
    int searchMaxSkills;

    @Mixin
    TrainOptions options = new TrainOptions();

    @Override
    public Integer call() {
        if (options.taskWeights != null && !options.taskWeights.isEmpty()) {
            throw new UserInputException("--task-weight: extend trains one task, the new one, so a task weight would "
                    + "change nothing");
        }
        if (options.taskOrder != null) {
            throw new UserInputException("--task-order: extend trains one task, the new one, so an order of tasks "
                    + "would change nothing");
        }
        if (options.skipDev) {
            throw new UserInputException("--skip-dev: extend reads the new task's dev scores (to keep its best model "
                    + "and to compare skill sets), so it cannot skip them");
        }
        ExtensionJob.Config config = ExtensionJob.Config.builder().setModel(model).setTaskFile(taskFile)
                .setDataRoot(dataRoot == null ? Home.data() : dataRoot).setOut(out).setTrain(options.toConfig(false))
                .optFreeze(Freeze.parse(train)).build();
        if (searchSkills) {
            SkillSearch.Result search = new SkillSearch(config, searchSteps, searchMaxSkills).run();
            SkillSearch.write(search, out);
            spec.commandLine().getOut().print(search.toMarkdown());
            config = config.withSkills(search.best().skills());
        }
        Report report = new ExtensionJob(config).run();
        spec.commandLine().getOut().print(report.toTable());
        spec.commandLine().getOut().println("wrote " + out.resolve("results.json") + ", " + out.resolve("results.md")
                + " and the extended model " + out.resolve("best"));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
