package dev.skillnet.cli;

import dev.skillnet.core.UserInputException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code skillnet} command: one subcommand per job. Exit codes: 0 success, 2 a user error
 * (bad file, flag or data; the message names file, line and reason), 1 an internal error.
 * Stack traces are printed only with {@code --verbose}.
 */
@Command(
        name = "skillnet",
        mixinStandardHelpOptions = true,
        version = "SkillNet-J 0.1.0",
        description = "Multitask Chinese NLU with sparsely activated skills on one BERT encoder.",
        subcommands = {DemoCommand.class, ModelsCommand.class, ImportCommand.class, TrimCommand.class, FillMaskCommand.class, PretrainCommand.class, TrainCommand.class, ExtendCommand.class, ExperimentCommand.class, BenchCommand.class, EvalCommand.class, PredictCommand.class,
                ServeCommand.class, TasksCommand.class, EncodeCommand.class, CommandLine.HelpCommand.class})
public final class Main {

    /** Exit code for a user error. */
    public static final int USER_ERROR = 2;
    /** Exit code for an internal error. */
    public static final int INTERNAL_ERROR = 1;

    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "Print stack traces and debug logs.")
    boolean verbose;

    /**
     * @param args the command line
     */
    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /**
     * An exception with the messages of its causes, which say what failed underneath (a full
     * disk: "FileSystemException: PATH: No space left on device").
     *
     * @param e the exception
     * @return one line: the exception, then "caused by" each cause
     */
    static String describe(Throwable e) {
        StringBuilder b = new StringBuilder(e.toString());
        java.util.Set<Throwable> seen = new java.util.HashSet<>();
        seen.add(e);
        for (Throwable c = e.getCause(); c != null && seen.add(c); c = c.getCause()) {
            b.append("; caused by ").append(c);
        }
        return b.toString();
    }

    /**
     * Runs a command line, for the launcher and for tests.
     *
     * @param args the arguments
     * @param out standard output
     * @param err standard error
     * @return the exit code
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        boolean verbose = java.util.Arrays.asList(args).contains("--verbose");
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            Throwable cause = ex;
            if (cause instanceof UserInputException) {
                err.println("error: " + cause.getMessage());
                if (verbose) {
                    cause.printStackTrace(err);
                }
                return USER_ERROR;
            }
            err.println("internal error: " + describe(cause));
            if (verbose) {
                cause.printStackTrace(err);
            } else {
                err.println("(run again with --verbose for the stack trace)");
            }
            return INTERNAL_ERROR;
        });
        cli.setParameterExceptionHandler((ex, arguments) -> {
            err.println("error: " + ex.getMessage());
            ex.getCommandLine().usage(err);
            return USER_ERROR;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }
}
