package dev.skillnet.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/**
 * The result of running the command line in-process.
 *
 * @param code the exit code
 * @param out standard output
 * @param err standard error: the command's own messages followed by the log lines
 */
record CliRun(int code, String out, String err) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ByteArrayOutputStream logs = new ByteArrayOutputStream();
        PrintStream original = System.err;
        System.setErr(new PrintStream(logs, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        } finally {
            System.setErr(original);
        }
        return new CliRun(code, out.toString(), err + logs.toString(StandardCharsets.UTF_8));
    }
}
