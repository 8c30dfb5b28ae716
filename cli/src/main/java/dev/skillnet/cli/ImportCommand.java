package dev.skillnet.cli;

import dev.skillnet.convert.ImportRequest;
import dev.skillnet.convert.Importer;
import dev.skillnet.model.bert.BertConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code skillnet import}: an ONNX or TensorFlow BERT checkpoint into a HuggingFace-layout folder. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import a pretrained BERT into a HuggingFace-layout folder (config.json, model.safetensors,",
                "vocabulary) that --init, encode and pretrain --init take as they are.",
                "PATH is a jar, a zip (zips nested in it too) or a folder holding an ONNX export (*.onnx) or a",
                "TensorFlow checkpoint / SavedModel variables (*.index + *.data-NNNNN-of-NNNNN), with",
                "bert_config.json (Google's release layout) or without it."})
final class ImportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "PATH", description = "The jar, zip, folder or file to import.")
    Path from;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The folder to write (replaced atomically).")
    Path out;

    @Option(names = "--heads", defaultValue = "0", paramLabel = "N",
            description = "Attention heads, where neither bert_config.json nor the checkpoint says (default: hidden/64).")
    int heads;

    @Override
    public Integer call() throws IOException {
        if (heads < 0) {
            throw new dev.skillnet.core.UserInputException("--heads must be positive, got " + heads);
        }
        BertConfig c = Importer.run(ImportRequest.builder().setFrom(from).setOut(out).optHeads(heads).build());
        PrintWriter o = spec.commandLine().getOut();
        o.printf("wrote %s: BERT, %d layers, hidden %d, %d heads, intermediate %d, vocabulary %d, %d positions%n",
                out, c.numHiddenLayers(), c.hiddenSize(), c.numAttentionHeads(), c.intermediateSize(), c.vocabSize(),
                c.maxPositionEmbeddings());
        o.println("start from it with: skillnet train --init " + out + " ...");
        o.flush();
        return 0;
    }
}
