package dev.skillnet.data.tokenize;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.skillnet.core.UserInputException;
import dev.skillnet.data.read.Utf8Text;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds and reads the tokenizer files of a model directory: {@code tokenizer.json} when present,
 * otherwise {@code vocab.txt} (plus {@code do_lower_case} from {@code tokenizer_config.json}).
 */
final class TokenizerFiles {

    /** File name of the Hugging Face tokenizer. */
    static final String TOKENIZER_JSON = "tokenizer.json";
    /** File name of a WordPiece vocabulary, one token per line, id = line number - 1. */
    static final String VOCAB_TXT = "vocab.txt";
    /** File name of the Hugging Face tokenizer configuration. */
    static final String TOKENIZER_CONFIG = "tokenizer_config.json";

    /**
     * What was loaded.
     *
     * @param json the tokenizer.json text (read or built)
     * @param jsonFile the tokenizer.json file, or {@code null} when the JSON was built from vocab
     * @param vocab token to id
     * @param vocabLines the vocabulary by id, for writing vocab.txt back
     */
    record Loaded(String json, Path jsonFile, Map<String, Integer> vocab, List<String> vocabLines) {}

    private TokenizerFiles() {}

    /**
     * Loads the tokenizer files of a directory.
     *
     * @param dir the directory
     * @return the tokenizer description
     * @throws UserInputException when neither file is there or a file is malformed
     */
    static Loaded load(Path dir) {
        Path jsonFile = dir.resolve(TOKENIZER_JSON);
        Path vocabFile = dir.resolve(VOCAB_TXT);
        if (Files.isRegularFile(jsonFile)) {
            String json = Utf8Text.read(jsonFile);
            Map<String, Integer> vocab = vocabOfJson(jsonFile, json);
            List<String> lines =
                    Files.isRegularFile(vocabFile)
                            ? Utf8Text.readLines(vocabFile)
                            : linesOf(vocab);
            return new Loaded(json, jsonFile, vocab, lines);
        }
        if (Files.isRegularFile(vocabFile)) {
            List<String> lines = Utf8Text.readLines(vocabFile);
            Map<String, Integer> vocab = new LinkedHashMap<>();
            for (int i = 0; i < lines.size(); i++) {
                // Hugging Face trims the end of each line; a repeated token keeps its last id.
                vocab.put(lines.get(i).stripTrailing(), i);
            }
            vocab.remove("");
            requireSpecials(vocabFile, vocab);
            String json = WordPieceJson.build(vocab, lowerCase(dir.resolve(TOKENIZER_CONFIG)));
            return new Loaded(json, null, Collections.unmodifiableMap(vocab), lines);
        }
        throw new UserInputException(
                dir, 0, "no tokenizer found: expected " + TOKENIZER_JSON + " or " + VOCAB_TXT
                        + " in this directory");
    }

    private static Map<String, Integer> vocabOfJson(Path file, String json) {
        JsonObject root;
        try {
            root = JsonParser.parseString(json).getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            throw new UserInputException(file, 0, "not a valid tokenizer.json: " + e.getMessage(), e);
        }
        Map<String, Integer> vocab = new LinkedHashMap<>();
        JsonElement model = root.get("model");
        if (model == null || !model.isJsonObject()
                || !model.getAsJsonObject().has("vocab")
                || !model.getAsJsonObject().get("vocab").isJsonObject()) {
            throw new UserInputException(file, 0, "tokenizer.json has no model.vocab object");
        }
        for (Map.Entry<String, JsonElement> e :
                model.getAsJsonObject().getAsJsonObject("vocab").entrySet()) {
            vocab.put(e.getKey(), e.getValue().getAsInt());
        }
        JsonElement added = root.get("added_tokens");
        if (added != null && added.isJsonArray()) {
            for (JsonElement t : added.getAsJsonArray()) {
                JsonObject o = t.getAsJsonObject();
                vocab.put(o.get("content").getAsString(), o.get("id").getAsInt());
            }
        }
        requireSpecials(file, vocab);
        return Collections.unmodifiableMap(vocab);
    }

    private static void requireSpecials(Path file, Map<String, Integer> vocab) {
        for (String t :
                List.of(SpecialTokens.PAD, SpecialTokens.UNK, SpecialTokens.CLS, SpecialTokens.SEP)) {
            if (!vocab.containsKey(t)) {
                throw new UserInputException(
                        file, 0, "the vocabulary has no " + t + " token, which BERT needs");
            }
        }
    }

    private static boolean lowerCase(Path config) {
        if (!Files.isRegularFile(config)) {
            return true;
        }
        try {
            JsonElement v = JsonParser.parseString(Utf8Text.read(config)).getAsJsonObject()
                    .get("do_lower_case");
            return v == null || v.isJsonNull() || v.getAsBoolean();
        } catch (JsonParseException | IllegalStateException | UnsupportedOperationException e) {
            throw new UserInputException(config, 0, "not a valid tokenizer_config.json: "
                    + e.getMessage(), e);
        }
    }

    /** Vocabulary lines by id; ids no token has get a placeholder so later ids keep their line. */
    static List<String> linesOf(Map<String, Integer> vocab) {
        int size = vocab.values().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
        List<String> lines = new ArrayList<>(Collections.nCopies(size, null));
        vocab.forEach((token, id) -> lines.set(id, token));
        for (int i = 0; i < size; i++) {
            if (lines.get(i) == null) {
                lines.set(i, "[unused_id_" + i + "]");
            }
        }
        return lines;
    }
}
