package dev.skillnet.model.heads;

import java.util.Locale;

/**
 * What a sequence-level head reads from the encoder: the pooler's output (HuggingFace's
 * {@code BertForSequenceClassification}: {@code tanh(dense([CLS]))}), the mean of the last
 * hidden state over the real tokens (as sentence-transformers pool), or, for text pairs, the
 * two texts' means set side by side with their difference and product: read from one pass over
 * both texts together (a cross-encoder) or from one pass over each text alone (a siamese
 * bi-encoder, as Sentence-BERT trains), or the cosine of the two texts' means alone.
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
    SIAMESE,
    /**
     * For text pairs, each text encoded on its own as for {@link #SIAMESE}: the head reads one
     * number, the cosine of the two texts' means, standardised by the mean and standard deviation
     * of the cosines of the first training batch ({@code Standardize}), and its dense layer turns
     * it into the classes' logits. An embedding model's similarity is then the head's starting
     * point, with two numbers per class to learn: its threshold and its scale. On a thousand
     * pairs, 4H features of a siamese head are fitted to noise (docs/RESULTS.md, 5.24).
     */
    COSINE;

    /** @return whether the encoder reads each text of a pair as a row of its own */
    public boolean encodesTextsApart() {
        return this == SIAMESE || this == COSINE;
    }

    /** @return whether the head compares two texts, and so reads only text pairs */
    public boolean comparesTexts() {
        return this == PAIR || this == SIAMESE || this == COSINE;
    }

    /**
     * @param hidden H, the encoder's hidden size
     * @return the width the head's dense layer reads: H for one text's state, 4H for
     *     {@code [u; v; |u - v|; u * v]}, 1 for the cosine of u and v
     */
    public int features(int hidden) {
        return switch (this) {
            case CLS, MEAN -> hidden;
            case PAIR, SIAMESE -> 4 * hidden;
            case COSINE -> 1;
        };
    }

    /** @return the name used in declarations and {@code model.json} */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param name {@code cls}, {@code mean}, {@code pair}, {@code siamese} or {@code cosine}
     * @return the pooling
     * @throws IllegalArgumentException naming the accepted values
     */
    public static Pooling fromJson(String name) {
        for (Pooling p : values()) {
            if (p.json().equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown pooling '" + name + "'; use cls, mean, pair, siamese or cosine");
    }
}
