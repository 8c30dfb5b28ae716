package dev.skillnet.data.tokenize;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Map;

/**
 * Builds the Hugging Face {@code tokenizer.json} of a BERT WordPiece tokenizer from the lines of a
 * {@code vocab.txt}, the same pipeline as {@code BertTokenizerFast}: BertNormalizer, BertPreTokenizer,
 * WordPiece model, BertProcessing post-processor and WordPiece decoder.
 */
final class WordPieceJson {

    /** The special tokens written as added tokens, when the vocabulary has them. */
    static final List<String> SPECIAL_TOKENS =
            List.of(SpecialTokens.PAD, SpecialTokens.UNK, SpecialTokens.CLS, SpecialTokens.SEP,
                    SpecialTokens.MASK);

    private WordPieceJson() {}

    /**
     * Builds the JSON.
     *
     * @param vocab token to id, with "last line wins" for duplicate tokens, as in Hugging Face
     * @param lowercase whether the normalizer lower-cases
     * @return the tokenizer.json text
     */
    static String build(Map<String, Integer> vocab, boolean lowercase) {
        JsonObject root = new JsonObject();
        root.addProperty("version", "1.0");
        root.add("truncation", JsonNull.INSTANCE);
        root.add("padding", JsonNull.INSTANCE);
        root.add("added_tokens", addedTokens(vocab));
        root.add("normalizer", normalizer(lowercase));
        JsonObject pre = new JsonObject();
        pre.addProperty("type", "BertPreTokenizer");
        root.add("pre_tokenizer", pre);
        root.add("post_processor", postProcessor(vocab));
        JsonObject decoder = new JsonObject();
        decoder.addProperty("type", "WordPiece");
        decoder.addProperty("prefix", "##");
        decoder.addProperty("cleanup", true);
        root.add("decoder", decoder);
        root.add("model", model(vocab));
        return new GsonBuilder().disableHtmlEscaping().setPrettyPrinting().create().toJson(root);
    }

    private static JsonArray addedTokens(Map<String, Integer> vocab) {
        JsonArray added = new JsonArray();
        for (String token : SPECIAL_TOKENS) {
            Integer id = vocab.get(token);
            if (id == null) {
                continue;
            }
            JsonObject t = new JsonObject();
            t.addProperty("id", id);
            t.addProperty("content", token);
            t.addProperty("single_word", false);
            t.addProperty("lstrip", false);
            t.addProperty("rstrip", false);
            t.addProperty("normalized", false);
            t.addProperty("special", true);
            added.add(t);
        }
        return added;
    }

    private static JsonObject normalizer(boolean lowercase) {
        JsonObject n = new JsonObject();
        n.addProperty("type", "BertNormalizer");
        n.addProperty("clean_text", true);
        n.addProperty("handle_chinese_chars", true);
        n.add("strip_accents", JsonNull.INSTANCE);
        n.addProperty("lowercase", lowercase);
        return n;
    }

    private static JsonObject postProcessor(Map<String, Integer> vocab) {
        JsonObject p = new JsonObject();
        p.addProperty("type", "BertProcessing");
        p.add("sep", pair(SpecialTokens.SEP, vocab.get(SpecialTokens.SEP)));
        p.add("cls", pair(SpecialTokens.CLS, vocab.get(SpecialTokens.CLS)));
        return p;
    }

    private static JsonArray pair(String token, int id) {
        JsonArray a = new JsonArray();
        a.add(token);
        a.add(id);
        return a;
    }

    private static JsonObject model(Map<String, Integer> vocab) {
        JsonObject m = new JsonObject();
        m.addProperty("type", "WordPiece");
        m.addProperty("unk_token", SpecialTokens.UNK);
        m.addProperty("continuing_subword_prefix", "##");
        m.addProperty("max_input_chars_per_word", 100);
        JsonObject v = new JsonObject();
        vocab.forEach(v::addProperty);
        m.add("vocab", v);
        return m;
    }
}
