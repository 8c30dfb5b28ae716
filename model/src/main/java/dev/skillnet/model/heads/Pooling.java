package dev.skillnet.model.heads;

import java.util.Locale;

/**
 * What a sequence-level head reads from the encoder: the pooler's output (HuggingFace's
 * {@code BertForSequenceClassification}: {@code tanh(dense([CLS]))}) or the mean of the last
 * hidden state over the real tokens (as sentence-transformers pool).
 */
public enum Pooling {
    /** {@code bert.pooler} over the first token; the pooler's parameters train with the task. */
    CLS,
    /** The average of {@code last_hidden_state} over the tokens the attention mask keeps. */
    MEAN;

    /** @return the name used in declarations and {@code model.json} */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param name {@code cls} or {@code mean}
     * @return the pooling
     * @throws IllegalArgumentException naming the accepted values
     */
    public static Pooling fromJson(String name) {
        for (Pooling p : values()) {
            if (p.json().equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown pooling '" + name + "'; use cls or mean");
    }
}
