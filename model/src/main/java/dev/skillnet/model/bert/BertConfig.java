package dev.skillnet.model.bert;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.skillnet.core.UserInputException;
import dev.skillnet.core.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The sizes of a BERT encoder, read from and written to a HuggingFace {@code config.json}.
 *
 * <p>Field names follow HuggingFace's {@code BertConfig}. Only {@code gelu} (exact erf) is
 * supported as {@code hidden_act}, as in {@code bert-base-chinese}.
 *
 * @param vocabSize {@code vocab_size}
 * @param hiddenSize {@code hidden_size}, H
 * @param numHiddenLayers {@code num_hidden_layers}, L
 * @param numAttentionHeads {@code num_attention_heads}; must divide H
 * @param intermediateSize {@code intermediate_size}, the feed-forward width I
 * @param hiddenAct {@code hidden_act}
 * @param hiddenDropoutProb {@code hidden_dropout_prob}
 * @param attentionProbsDropoutProb {@code attention_probs_dropout_prob}
 * @param maxPositionEmbeddings {@code max_position_embeddings}, the longest sequence
 * @param typeVocabSize {@code type_vocab_size}
 * @param layerNormEps {@code layer_norm_eps}
 * @param initializerRange {@code initializer_range}, the std of the normal initialiser
 * @param padTokenId {@code pad_token_id}
 */
public record BertConfig(
        int vocabSize,
        int hiddenSize,
        int numHiddenLayers,
        int numAttentionHeads,
        int intermediateSize,
        String hiddenAct,
        double hiddenDropoutProb,
        double attentionProbsDropoutProb,
        int maxPositionEmbeddings,
        int typeVocabSize,
        double layerNormEps,
        double initializerRange,
        int padTokenId) {

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();

    /** Checks the sizes are consistent; throws {@link IllegalArgumentException} otherwise. */
    public BertConfig {
        requirePositive("vocab_size", vocabSize);
        requirePositive("hidden_size", hiddenSize);
        requirePositive("num_hidden_layers", numHiddenLayers);
        requirePositive("num_attention_heads", numAttentionHeads);
        requirePositive("intermediate_size", intermediateSize);
        requirePositive("max_position_embeddings", maxPositionEmbeddings);
        requirePositive("type_vocab_size", typeVocabSize);
        if (hiddenSize % numAttentionHeads != 0) {
            throw new IllegalArgumentException("hidden_size " + hiddenSize
                    + " is not a multiple of num_attention_heads " + numAttentionHeads);
        }
        if (!"gelu".equals(hiddenAct)) {
            throw new IllegalArgumentException("hidden_act '" + hiddenAct + "' is not supported (only 'gelu')");
        }
        if (hiddenDropoutProb < 0 || hiddenDropoutProb >= 1 || attentionProbsDropoutProb < 0
                || attentionProbsDropoutProb >= 1) {
            throw new IllegalArgumentException("dropout probabilities must be in [0, 1)");
        }
    }

    /**
     * A small configuration with BERT's defaults for everything but the sizes.
     *
     * @param vocabSize the vocabulary size
     * @param hiddenSize H
     * @param layers L
     * @param heads attention heads
     * @param intermediateSize the feed-forward width
     * @param maxPositions the longest sequence
     * @return the configuration
     */
    public static BertConfig of(int vocabSize, int hiddenSize, int layers, int heads, int intermediateSize,
            int maxPositions) {
        return new BertConfig(vocabSize, hiddenSize, layers, heads, intermediateSize, "gelu", 0.1, 0.1,
                maxPositions, 2, 1e-12, 0.02, 0);
    }

    /** @return the width of one attention head, H / heads */
    public int headSize() {
        return hiddenSize / numAttentionHeads;
    }

    /** @return a copy with both dropout probabilities replaced */
    public BertConfig withDropout(double p) {
        return new BertConfig(vocabSize, hiddenSize, numHiddenLayers, numAttentionHeads, intermediateSize,
                hiddenAct, p, p, maxPositionEmbeddings, typeVocabSize, layerNormEps, initializerRange, padTokenId);
    }

    /**
     * Reads a HuggingFace {@code config.json}.
     *
     * @param file the file
     * @return the configuration
     * @throws UserInputException when the file is missing, not JSON, lacks a field or is inconsistent
     */
    public static BertConfig read(Path file) {
        JsonObject o;
        try {
            JsonElement e = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8));
            if (!e.isJsonObject()) {
                throw new UserInputException(file, "config.json must hold a JSON object");
            }
            o = e.getAsJsonObject();
        } catch (NoSuchFileException ex) {
            throw new UserInputException(file, "missing config.json");
        } catch (IOException ex) {
            throw new UserInputException(file, "cannot read: " + ex.getMessage(), ex);
        } catch (JsonParseException ex) {
            throw new UserInputException(file, "not valid JSON: " + ex.getMessage(), ex);
        }
        try {
            return new BertConfig(
                    intField(o, file, "vocab_size", null),
                    intField(o, file, "hidden_size", null),
                    intField(o, file, "num_hidden_layers", null),
                    intField(o, file, "num_attention_heads", null),
                    intField(o, file, "intermediate_size", null),
                    o.has("hidden_act") ? o.get("hidden_act").getAsString() : "gelu",
                    doubleField(o, "hidden_dropout_prob", 0.1),
                    doubleField(o, "attention_probs_dropout_prob", 0.1),
                    intField(o, file, "max_position_embeddings", 512),
                    intField(o, file, "type_vocab_size", 2),
                    doubleField(o, "layer_norm_eps", 1e-12),
                    doubleField(o, "initializer_range", 0.02),
                    intField(o, file, "pad_token_id", 0));
        } catch (IllegalArgumentException | IllegalStateException | UnsupportedOperationException ex) {
            if (ex instanceof UserInputException u) {
                throw u;
            }
            throw new UserInputException(file, ex.getMessage(), ex);
        }
    }

    /**
     * Writes this configuration as a HuggingFace {@code config.json} (a BertModel).
     *
     * @param file the destination
     * @throws IOException on a write failure
     */
    public void write(Path file) throws IOException {
        dev.skillnet.core.io.AtomicFiles.writeString(file, GSON.toJson(toJson()));
    }

    /** @return this configuration as a HuggingFace-style JSON object */
    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        var arch = new com.google.gson.JsonArray();
        arch.add("BertModel");
        o.add("architectures", arch);
        o.addProperty("model_type", "bert");
        o.addProperty("vocab_size", vocabSize);
        o.addProperty("hidden_size", hiddenSize);
        o.addProperty("num_hidden_layers", numHiddenLayers);
        o.addProperty("num_attention_heads", numAttentionHeads);
        o.addProperty("intermediate_size", intermediateSize);
        o.addProperty("hidden_act", hiddenAct);
        o.addProperty("hidden_dropout_prob", hiddenDropoutProb);
        o.addProperty("attention_probs_dropout_prob", attentionProbsDropoutProb);
        o.addProperty("max_position_embeddings", maxPositionEmbeddings);
        o.addProperty("type_vocab_size", typeVocabSize);
        o.addProperty("layer_norm_eps", layerNormEps);
        o.addProperty("initializer_range", initializerRange);
        o.addProperty("pad_token_id", padTokenId);
        return o;
    }

    private static int intField(JsonObject o, Path file, String name, Integer fallback) {
        if (!o.has(name) || o.get(name).isJsonNull()) {
            if (fallback == null) {
                throw new UserInputException(file, "missing field '" + name + "'");
            }
            return fallback;
        }
        try {
            return o.get(name).getAsInt();
        } catch (NumberFormatException | UnsupportedOperationException | IllegalStateException ex) {
            throw new UserInputException(file, "field '" + name + "' must be an integer, got " + o.get(name));
        }
    }

    private static double doubleField(JsonObject o, String name, double fallback) {
        return o.has(name) && !o.get(name).isJsonNull() ? o.get(name).getAsDouble() : fallback;
    }

    private static void requirePositive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }
}
