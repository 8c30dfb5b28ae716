package dev.skillnet.convert;

import dev.skillnet.convert.archive.ModelFiles;
import dev.skillnet.convert.source.WeightSource;
import dev.skillnet.core.UserInputException;
import dev.skillnet.model.bert.BertConfig;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code config.json} of an imported model: sizes read off the tensors, checked against
 * {@code bert_config.json} where the source has one; the attention heads from that file, else from
 * the source itself (an ONNX graph's reshapes), else {@code --heads}, else hidden/64.
 *
 * @param config the configuration
 * @param headsFrom where the number of heads came from, for {@code import.json}
 */
record ImportedConfig(BertConfig config, String headsFrom) {

    private static final Pattern LAYER = Pattern.compile("^encoder\\.layer\\.(\\d+)\\.");

    static ImportedConfig infer(WeightSource source, ModelFiles files, int requestedHeads) {
        Map<String, long[]> shapes = source.shapes();
        long[] words = require(source, "embeddings.word_embeddings.weight");
        long[] positions = require(source, "embeddings.position_embeddings.weight");
        long[] types = require(source, "embeddings.token_type_embeddings.weight");
        long[] intermediate = require(source, "encoder.layer.0.intermediate.dense.weight");
        int layers = 0;
        for (String name : shapes.keySet()) {
            Matcher m = LAYER.matcher(name);
            if (m.find()) {
                layers = Math.max(layers, Integer.parseInt(m.group(1)) + 1);
            }
        }
        int hidden = (int) words[1];
        if (files.bertConfig() != null) {
            BertConfig declared = BertConfig.read(files.bertConfig());
            check(files, "vocab_size", declared.vocabSize(), words[0]);
            check(files, "hidden_size", declared.hiddenSize(), hidden);
            check(files, "num_hidden_layers", declared.numHiddenLayers(), layers);
            check(files, "intermediate_size", declared.intermediateSize(), intermediate[0]);
            check(files, "max_position_embeddings", declared.maxPositionEmbeddings(), positions[0]);
            check(files, "type_vocab_size", declared.typeVocabSize(), types[0]);
            if (requestedHeads > 0 && requestedHeads != declared.numAttentionHeads()) {
                throw new UserInputException(files.bertConfig(), "num_attention_heads is "
                        + declared.numAttentionHeads() + " but --heads " + requestedHeads + " was given; drop --heads");
            }
            return new ImportedConfig(declared, files.bertConfig().getFileName().toString());
        }
        int heads;
        String headsFrom;
        if (source.attentionHeads() > 0) {
            heads = source.attentionHeads();
            headsFrom = "the checkpoint";
            if (requestedHeads > 0 && requestedHeads != heads) {
                throw new UserInputException(source.file(), "the checkpoint has " + heads + " attention heads but --heads "
                        + requestedHeads + " was given; drop --heads");
            }
        } else if (requestedHeads > 0) {
            heads = requestedHeads;
            headsFrom = "--heads";
        } else {
            heads = Math.max(1, hidden / 64);
            headsFrom = "hidden/64";
        }
        BertConfig fromTensors;
        try {
            // BERT's defaults for what tensors do not show: gelu, dropout 0.1, eps 1e-12, range 0.02, pad 0
            fromTensors = new BertConfig((int) words[0], hidden, layers, heads, (int) intermediate[0], "gelu", 0.1, 0.1,
                    (int) positions[0], (int) types[0], 1e-12, 0.02, 0);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(source.file(), e.getMessage() + " (give the number of heads with --heads)");
        }
        return new ImportedConfig(fromTensors, headsFrom);
    }

    private static long[] require(WeightSource source, String name) {
        long[] shape = source.shapes().get(name);
        if (shape == null) {
            throw new UserInputException(source.file(), "not a BERT checkpoint: no tensor maps to " + name);
        }
        return shape;
    }

    private static void check(ModelFiles files, String field, long declared, long fromTensors) {
        if (declared != fromTensors) {
            throw new UserInputException(files.bertConfig(), field + " is " + declared + " but the checkpoint's tensors say "
                    + fromTensors);
        }
    }
}
