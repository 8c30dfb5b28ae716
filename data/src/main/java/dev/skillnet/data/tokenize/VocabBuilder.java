package dev.skillnet.data.tokenize;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds a BERT WordPiece {@code vocab.txt} from training text, for models trained from scratch:
 * the special tokens, then every character seen at least {@code minCount} times (most frequent
 * first, ties by code point), plus ASCII letters and digits both as word starts and as {@code ##}
 * continuations, so that Latin words and numbers split into pieces instead of becoming [UNK].
 * Characters are lower-cased, as the tokenizer lower-cases its input.
 */
public final class VocabBuilder {

    /** The special tokens, in BERT's order. */
    public static final List<String> SPECIAL = List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]");

    private final Map<Integer, Long> counts = new HashMap<>();

    /**
     * Counts the characters of a text.
     *
     * @param text a training text (null is ignored)
     * @return this builder
     */
    public VocabBuilder add(String text) {
        if (text != null) {
            text.toLowerCase(Locale.ROOT).codePoints()
                    .filter(c -> !Character.isWhitespace(c) && !Character.isISOControl(c))
                    .forEach(c -> counts.merge(c, 1L, Long::sum));
        }
        return this;
    }

    /**
     * @param minCount the fewest occurrences a character needs
     * @param maxSize the largest vocabulary, special tokens included
     * @return the vocabulary, one token per entry
     */
    public List<String> build(int minCount, int maxSize) {
        List<String> vocab = new ArrayList<>(SPECIAL);
        List<String> pieces = new ArrayList<>();
        for (char c = 'a'; c <= 'z'; c++) {
            pieces.add(String.valueOf(c));
        }
        for (char c = '0'; c <= '9'; c++) {
            pieces.add(String.valueOf(c));
        }
        List<Map.Entry<Integer, Long>> chars = new ArrayList<>(counts.entrySet());
        chars.sort((a, b) -> a.getValue().equals(b.getValue()) ? Integer.compare(a.getKey(), b.getKey())
                : Long.compare(b.getValue(), a.getValue()));
        java.util.LinkedHashSet<String> tokens = new java.util.LinkedHashSet<>(vocab);
        for (String p : pieces) {
            tokens.add(p);
            tokens.add("##" + p);
        }
        for (var e : chars) {
            if (e.getValue() < minCount || tokens.size() >= maxSize) {
                break;
            }
            tokens.add(new String(Character.toChars(e.getKey())));
        }
        return new ArrayList<>(tokens);
    }

    /**
     * Writes a vocabulary as {@code vocab.txt}.
     *
     * @param vocab the tokens
     * @param file the destination
     * @throws IOException on a write failure
     */
    public static void write(List<String> vocab, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, String.join("\n", vocab) + "\n", StandardCharsets.UTF_8);
    }
}
