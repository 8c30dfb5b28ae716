package dev.skillnet.model.heads;

import java.util.Locale;

/**
 * What a sequence-level head reads from the encoder: the pooler's output (HuggingFace's
 * {@code BertForSequenceClassification}: {@code tanh(dense([CLS]))}), the mean of the last
 * hidden state over the real tokens (as sentence-transformers pool), or, for text pairs, the
 * two texts' means set side by side with their difference and product: read from one pass over
 * both texts together (a cross-encoder) or from one pass over each text alone (a siamese
 * bi-encoder, as Sentence-BERT trains).
 */
public enum Pooling {
    /** {@code bert.pooler} over the first token; the pooler's parameters train with the task. */
    CLS,
    /** The average of {@code last_hidden_state} over the tokens the attention mask keeps. */
    MEAN,
    /**
     * For text pairs: {@code u} and {@code v}, the means of {@code last_hidden_state} over the
     * first segment ({@code [CLS]}, the first text, its {@code [SEP]}) and over the second (the
     * second text and the last {@code [SEP]}), read as {@code [u; v; |u - v|; u * v]} (4H
     * features), the comparison InferSent and Sentence-BERT classify pairs with. It gives the head
     * what the texts share and where they differ directly, rather than only through attention.
     */
    PAIR,
    /**
     * For text pairs, each text encoded on its own: the encoder reads {@code [CLS] text [SEP]} and
     * {@code [CLS] text_pair [SEP]} as two rows (Sentence-BERT's siamese network), {@code u} and
     * {@code v} their means over the real tokens, read as {@code [u; v; |u - v|; u * v]} (4H
     * features) as for {@link #PAIR}. An encoder trained to embed sentences (bge-small-zh) already
     * places paraphrases near each other this way, which a cross-encoder must learn anew. The rows
     * are built from the pair's usual encoding by {@code EncoderRows} in the tasks module.
     */
    SIAMESE;

    /** @return whether the encoder reads each text of a pair as a row of its own */
    public boolean encodesTextsApart() {
        return this == SIAMESE;
    }

    /** @return whether the head compares two texts ({@code [u; v; |u - v|; u * v]}, 4H features) */
    public boolean comparesTexts() {
        return this == PAIR || this == SIAMESE;
    }

    /** @return the name used in declarations and {@code model.json} */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param name {@code cls}, {@code mean}, {@code pair} or {@code siamese}
     * @return the pooling
     * @throws IllegalArgumentException naming the accepted values
     */
    public static Pooling fromJson(String name) {
        for (Pooling p : values()) {
            if (p.json().equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown pooling '" + name + "'; use cls, mean, pair or siamese");
    }
}
