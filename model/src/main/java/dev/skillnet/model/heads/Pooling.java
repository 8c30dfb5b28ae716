package dev.skillnet.model.heads;

import java.util.Locale;

/**
 * What a sequence-level head reads from the encoder: the pooler's output (HuggingFace's
 * {@code BertForSequenceClassification}: {@code tanh(dense([CLS]))}), the mean of the last
 * hidden state over the real tokens (as sentence-transformers pool), or, for text pairs, the
 * two segments' means set side by side with their difference and product.
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
    PAIR;

    /** @return the name used in declarations and {@code model.json} */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param name {@code cls}, {@code mean} or {@code pair}
     * @return the pooling
     * @throws IllegalArgumentException naming the accepted values
     */
    public static Pooling fromJson(String name) {
        for (Pooling p : values()) {
            if (p.json().equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown pooling '" + name + "'; use cls, mean or pair");
    }
}
