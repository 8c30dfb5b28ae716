package dev.skillnet.cli;

import dev.skillnet.convert.trim.EncoderTrim;
import dev.skillnet.convert.trim.TrimRequest;
import dev.skillnet.convert.trim.VocabularyCut;
import dev.skillnet.core.UserInputException;
import dev.skillnet.model.bert.BertConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code skillnet trim}: a smaller copy of a pretrained encoder, its lowest layers and/or Chinese wordpieces only. */
@Command(name = "trim", mixinStandardHelpOptions = true,
        description = {"Write a smaller copy of a pretrained BERT folder (or a known encoder): only its lowest",
                "layers, and/or only the wordpieces Chinese text uses. Kept weights are copied unchanged,",
                "except that a layer cut shifts its new top layer's output bias so that the output averages",
                "zero over a probe of ordinary text (trim.json records the largest shift)."})
final class TrimCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "DIR|NAME",
            description = "A HuggingFace-layout BERT folder, or a known encoder (see skillnet models).")
    String from;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The folder to write (replaced atomically).")
    Path out;

    @Option(names = "--layers", defaultValue = "0", paramLabel = "N",
            description = "Keep the encoder's lowest N layers, the top one's output centred (default 0: all).")
    int layers;

    @Option(names = "--vocabulary", defaultValue = "all", paramLabel = "CUT",
            description = "all (default), or characters: keep the special tokens and every single-character wordpiece "
                    + "(Chinese text tokenizes exactly as before; other words are spelt character by character).")
    String vocabulary;

    @Override
    public Integer call() throws IOException {
        if (layers < 0) {
            throw new UserInputException("--layers must be positive, got " + layers);
        }
        VocabularyCut cut = switch (vocabulary) {
            case "all" -> VocabularyCut.ALL;
            case "characters" -> VocabularyCut.CHARACTERS;
            default -> throw new UserInputException("--vocabulary must be all or characters, got '" + vocabulary + "'");
        };
        if (layers == 0 && cut == VocabularyCut.ALL) {
            throw new UserInputException("nothing to trim: give --layers N and/or --vocabulary characters");
        }
        Path dir = Encoders.folder(from, "--from");
        BertConfig c = EncoderTrim.run(TrimRequest.builder().setFrom(dir).setOut(out).optLayers(layers)
                .optVocabulary(cut).build());
        PrintWriter o = spec.commandLine().getOut();
        o.printf("wrote %s: BERT, %d layers, hidden %d, %d heads, vocabulary %d%n", out, c.numHiddenLayers(),
                c.hiddenSize(), c.numAttentionHeads(), c.vocabSize());
        o.println("start from it with: skillnet train --init " + out + " ...");
        o.flush();
        return 0;
    }
}
