package dev.skillnet.cli;

import dev.skillnet.convert.registry.EncoderStore;
import dev.skillnet.convert.registry.KnownEncoder;
import dev.skillnet.convert.registry.KnownEncoders;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code skillnet models}: the pretrained encoders {@code --init NAME} takes, and whether each is here. */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = "List the pretrained encoders that --init NAME takes: Maven coordinates, licence, sizes, "
                + "and whether each is in the local Maven repository and already imported.")
final class ModelsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        EncoderStore store = Encoders.store();
        PrintWriter out = spec.commandLine().getOut();
        for (KnownEncoder e : KnownEncoders.ALL) {
            out.printf(Locale.ROOT, "%s%n", e.name());
            out.printf(Locale.ROOT, "  %s%n", e.description());
            out.printf(Locale.ROOT, "  maven:    %s (%d MB)%n", e.coordinates(), Math.round(e.downloadBytes() / 1e6));
            out.printf(Locale.ROOT, "  licence:  %s%n", e.licence());
            out.printf(Locale.ROOT, "  sizes:    %d layers, hidden %d, %d heads, vocabulary %d%n", e.layers(), e.hidden(),
                    e.heads(), e.vocabulary());
            out.printf(Locale.ROOT, "  local:    %s%n", store.jar(e).map(Object::toString)
                    .orElse("not in the local Maven repository; fetch with: " + e.fetchCommand()));
            out.printf(Locale.ROOT, "  imported: %s%n", store.isImported(e) ? store.folder(e)
                    : "not yet (the first --init " + e.name() + " imports it into " + store.folder(e) + ")");
        }
        out.flush();
        return 0;
    }
}
