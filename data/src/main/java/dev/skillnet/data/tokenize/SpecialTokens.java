package dev.skillnet.data.tokenize;

/** The BERT special token strings. */
public final class SpecialTokens {

    /** Padding. */
    public static final String PAD = "[PAD]";
    /** Unknown word piece. */
    public static final String UNK = "[UNK]";
    /** Start of input, whose vector is used for classification. */
    public static final String CLS = "[CLS]";
    /** Segment separator. */
    public static final String SEP = "[SEP]";
    /** Masked-language-model mask. */
    public static final String MASK = "[MASK]";

    private SpecialTokens() {}
}
