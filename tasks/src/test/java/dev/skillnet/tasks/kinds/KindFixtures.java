package dev.skillnet.tasks.kinds;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.skillnet.data.tokenize.BertTokenizer;
import dev.skillnet.data.tokenize.Encoded;
import dev.skillnet.model.heads.Pooling;
import dev.skillnet.tasks.declare.LabelSpec;
import dev.skillnet.tasks.declare.TaskDeclaration;
import dev.skillnet.tasks.declare.TaskType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Test helpers for the task kinds: declarations, tokenizers on tiny vocabularies, encodings. */
final class KindFixtures {

    static final Path DECLARATION = Path.of("decl", "task.json");

    private KindFixtures() {}

    /** A sequence-labelling declaration over conll data in the given scheme. */
    static TaskDeclaration tagging(String scheme, int maxLength) {
        JsonObject data = JsonParser.parseString(
                "{\"dir\": \"ner\", \"format\": \"conll\", \"scheme\": \"" + scheme + "\","
                + " \"splits\": {\"train\": \"train.txt\"}}")
                .getAsJsonObject();
        return new TaskDeclaration("ner", TaskType.SEQUENCE_LABELING, "", List.of("token"),
                LabelSpec.list(List.of("PER", "LOC")), "entity_f1", maxLength, 128, 30, Pooling.CLS, 1.0, data,
                DECLARATION);
    }

    /** A span-extraction declaration. */
    static TaskDeclaration span(int maxLength, int docStride, int maxAnswerLength) {
        JsonObject data = JsonParser.parseString(
                "{\"dir\": \"rc\", \"format\": \"squad\", \"splits\": {\"train\": \"train.json\"}}")
                .getAsJsonObject();
        return new TaskDeclaration("rc", TaskType.SPAN_EXTRACTION, "", List.of("question"),
                LabelSpec.none(), "cmrc_f1", maxLength, docStride, maxAnswerLength, Pooling.CLS, 1.0, data,
                DECLARATION);
    }

    /**
     * Writes a vocab.txt with the special tokens and the given tokens, and loads it.
     *
     * @param dir a temporary directory
     * @param tokens further tokens, in order
     * @return the tokenizer (lower-casing, as without tokenizer_config.json)
     */
    static BertTokenizer tokenizer(Path dir, Collection<String> tokens) {
        Set<String> vocab = new LinkedHashSet<>(
                List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"));
        vocab.addAll(tokens);
        try {
            Files.write(dir.resolve("vocab.txt"), vocab, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return BertTokenizer.fromDirectory(dir);
    }

    /**
     * Every token needed to split the given texts into single characters: each character, its
     * lower-cased and accent-stripped forms, and their {@code ##} continuations.
     */
    static Set<String> charTokens(Collection<String> texts) {
        Set<String> out = new LinkedHashSet<>();
        for (String text : texts) {
            text.codePoints().mapToObj(Character::toString).forEach(c -> {
                if (c.isBlank()) {
                    return;
                }
                String lower = c.toLowerCase(Locale.ROOT);
                String plain = Normalizer.normalize(lower, Normalizer.Form.NFD)
                        .replaceAll("\\p{Mn}", "");
                for (String form : List.of(c, lower, plain)) {
                    if (!form.isEmpty()) {
                        out.add(form);
                        out.add("##" + form);
                    }
                }
            });
        }
        return out;
    }

    /**
     * A hand-made encoding: {@code wordIds} per token (-1 for specials), sequence ids, and char
     * offsets; ids and types are zeros.
     */
    static Encoded encoded(int[] wordIds, int[] sequenceIds, int[] charStart, int[] charEnd) {
        int n = wordIds.length;
        String[] tokens = new String[n];
        java.util.Arrays.fill(tokens, "t");
        return new Encoded(new long[n], new long[n], tokens, charStart, charEnd, wordIds,
                sequenceIds, false);
    }
}
