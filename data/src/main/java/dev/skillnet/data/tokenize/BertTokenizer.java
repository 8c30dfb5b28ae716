package dev.skillnet.data.tokenize;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.skillnet.core.UserInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * BERT WordPiece tokenization through the Hugging Face tokenizers library (via DJL), loaded only
 * from local files: nothing is ever downloaded.
 *
 * <p>The native tokenizer runs without padding and without truncation; this class truncates
 * itself, longest segment first like Hugging Face's {@code longest_first}, always keeping {@code
 * [CLS]} and {@code [SEP]}, and reports it in {@link Encoded#truncated()} so callers can count and
 * warn. Character offsets are converted to Java char indices into the original strings.
 *
 * <p>Instances are safe to share between threads; close them to free the native tokenizer.
 */
public final class BertTokenizer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BertTokenizer.class);
    private static final Map<String, String> OPTIONS =
            Map.of("addSpecialTokens", "true", "padding", "false", "truncation", "false");

    private final HuggingFaceTokenizer hf;
    private final TokenizerFiles.Loaded files;

    private BertTokenizer(HuggingFaceTokenizer hf, TokenizerFiles.Loaded files) {
        this.hf = hf;
        this.files = files;
    }

    /**
     * Loads the tokenizer of a model directory: {@code tokenizer.json} when present, otherwise a
     * BERT WordPiece tokenizer built from {@code vocab.txt} (lower-casing as {@code
     * tokenizer_config.json}'s {@code do_lower_case} says, true when that file is absent). The
     * built tokenizer.json goes to a temporary file, never into {@code dir}.
     *
     * @param dir the directory
     * @return the tokenizer
     * @throws UserInputException when the directory has neither file or they are malformed
     */
    public static BertTokenizer fromDirectory(Path dir) {
        TokenizerFiles.Loaded files = TokenizerFiles.load(dir);
        try {
            if (files.jsonFile() != null) {
                return new BertTokenizer(HuggingFaceTokenizer.newInstance(files.jsonFile(), OPTIONS),
                        files);
            }
            Path tmp = Files.createTempFile("skillnet-tokenizer-", ".json");
            try {
                Files.writeString(tmp, files.json(), StandardCharsets.UTF_8);
                LOG.debug("Built a WordPiece tokenizer.json from {}", dir.resolve("vocab.txt"));
                return new BertTokenizer(HuggingFaceTokenizer.newInstance(tmp, OPTIONS), files);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof UserInputException u) {
                throw u;
            }
            throw new UserInputException(dir, 0, "cannot load the tokenizer: " + e.getMessage(), e);
        }
    }

    /**
     * Encodes one text or a text pair as {@code [CLS] text [SEP]} or {@code [CLS] text [SEP]
     * textPair [SEP]}.
     *
     * @param text the first segment
     * @param textPair the second segment, or {@code null}
     * @param maxLength the maximum number of tokens, special tokens included
     * @return the encoding, truncated longest-first when too long
     */
    public Encoded encode(String text, String textPair, int maxLength) {
        Objects.requireNonNull(text, "text");
        if (textPair == null) {
            TokenTable t = TokenTable.ofSegments(hf.encode(text), text);
            int[] keep = LongestFirst.keep(t.size(0), -1, maxLength - 2);
            return t.select(new int[] {0, 0}, keep, keep[0] < t.size(0));
        }
        TokenTable t = TokenTable.ofSegments(hf.encode(text, textPair), text, textPair);
        int[] keep = LongestFirst.keep(t.size(0), t.size(1), maxLength - 3);
        boolean truncated = keep[0] < t.size(0) || keep[1] < t.size(1);
        return t.select(new int[] {0, 0}, keep, truncated);
    }

    /**
     * Encodes characters one input word each (for tagging), so that {@link Encoded#wordIds()} gives
     * the index in {@code chars} of each token. Characters that yield no token (spaces) are simply
     * absent; offsets are into the concatenation of {@code chars}.
     *
     * @param chars the characters (or other pre-split words)
     * @param maxLength the maximum number of tokens, special tokens included
     * @return the encoding, truncated at the end when too long
     */
    public Encoded encodeChars(List<String> chars, int maxLength) {
        if (chars.isEmpty()) {
            return encode("", null, maxLength);
        }
        Encoding e = hf.encode(chars.toArray(String[]::new));
        TokenTable t = TokenTable.ofWords(e, chars);
        int[] keep = LongestFirst.keep(t.size(0), -1, maxLength - 2);
        return t.select(new int[] {0, 0}, keep, keep[0] < t.size(0));
    }

    /**
     * Encodes a question with overlapping windows of a context, as {@code [CLS] question [SEP]
     * window [SEP]}, like Hugging Face's {@code run_squad}: the question keeps at most {@code
     * maxLength / 2} tokens, each window holds up to {@code maxLength - question - 3} context
     * tokens, and windows start every {@code docStride} context tokens until one reaches the end.
     * Context tokens have sequence id 1 and offsets into {@code context}; {@link
     * Encoded#truncated()} tells whether the question was cut.
     *
     * @param question the question
     * @param context the passage
     * @param maxLength the maximum number of tokens per window
     * @param docStride context tokens between the starts of consecutive windows
     * @return the windows, at least one
     */
    public List<Encoded> encodeWindows(String question, String context, int maxLength,
            int docStride) {
        if (docStride <= 0) {
            throw new IllegalArgumentException("docStride must be positive: " + docStride);
        }
        TokenTable t = TokenTable.ofSegments(hf.encode(question, context), question, context);
        int q = Math.min(t.size(0), maxLength / 2);
        int room = maxLength - q - 3;
        if (room <= 0) {
            throw new IllegalArgumentException("maxLength " + maxLength + " leaves no room for context");
        }
        boolean cut = q < t.size(0);
        int n = t.size(1);
        List<Encoded> windows = new ArrayList<>();
        int start = 0;
        while (true) {
            int len = Math.min(n - start, room);
            windows.add(t.select(new int[] {0, start}, new int[] {q, start + len}, cut));
            if (start + len >= n) {
                return windows;
            }
            start += Math.min(len, docStride);
        }
    }

    /** @return the vocabulary size (the largest id + 1) */
    public int vocabSize() {
        int max = files.vocab().values().stream().mapToInt(Integer::intValue).max().orElse(-1);
        return Math.max(max + 1, files.vocabLines().size());
    }

    /** @return every token by id (the lines of {@code vocab.txt}) */
    public java.util.List<String> vocabulary() {
        return files.vocabLines();
    }

    /**
     * The id of a token.
     *
     * @param token the token
     * @return its id, or -1 when it is not in the vocabulary
     */
    public long tokenId(String token) {
        Integer id = files.vocab().get(token);
        return id == null ? -1 : id;
    }

    /** @return the id of {@code [PAD]} */
    public long padId() {
        return tokenId(SpecialTokens.PAD);
    }

    /** @return the id of {@code [CLS]} */
    public long clsId() {
        return tokenId(SpecialTokens.CLS);
    }

    /** @return the id of {@code [SEP]} */
    public long sepId() {
        return tokenId(SpecialTokens.SEP);
    }

    /** @return the id of {@code [MASK]}, or -1 when the vocabulary has none */
    public long maskId() {
        return tokenId(SpecialTokens.MASK);
    }

    /** @return the id of {@code [UNK]} */
    public long unkId() {
        return tokenId(SpecialTokens.UNK);
    }

    /**
     * Writes {@code tokenizer.json} and {@code vocab.txt} into a (checkpoint) directory, creating
     * it if needed, so that {@link #fromDirectory} gives back the same tokenizer.
     *
     * @param dir the directory
     * @throws UserInputException when the files cannot be written
     */
    public void save(Path dir) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(TokenizerFiles.TOKENIZER_JSON), files.json(),
                    StandardCharsets.UTF_8);
            Files.writeString(dir.resolve(TokenizerFiles.VOCAB_TXT),
                    String.join("\n", files.vocabLines()) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserInputException(dir, 0, "cannot write the tokenizer: " + e, e);
        }
    }

    /** Frees the native tokenizer. */
    @Override
    public void close() {
        hf.close();
    }
}
