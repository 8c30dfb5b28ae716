package dev.skillnet.convert.trim;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What to trim and where.
 *
 * @param from a HuggingFace-layout BERT folder ({@code config.json}, {@code model.safetensors}, the
 *     vocabulary)
 * @param out the folder to write (replaced atomically)
 * @param trim what to cut
 */
public record TrimRequest(Path from, Path out, Trim trim) {

    /** Checks the values. */
    public TrimRequest {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(trim, "trim");
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link TrimRequest}: {@code set*} for required values, {@code opt*} for optional ones. */
    public static final class Builder {
        private Path from;
        private Path out;
        private int layers;
        private VocabularyCut vocabulary = VocabularyCut.ALL;

        private Builder() {}

        /** @param from the folder to trim; required */
        public Builder setFrom(Path from) {
            this.from = from;
            return this;
        }

        /** @param out the folder to write; required */
        public Builder setOut(Path out) {
            this.out = out;
            return this;
        }

        /** @param layers keep the lowest this many layers (default 0: all) */
        public Builder optLayers(int layers) {
            this.layers = layers;
            return this;
        }

        /** @param vocabulary which wordpieces to keep (default all) */
        public Builder optVocabulary(VocabularyCut vocabulary) {
            this.vocabulary = vocabulary;
            return this;
        }

        /** @param trim both cuts at once */
        public Builder optTrim(Trim trim) {
            this.layers = trim.layers();
            this.vocabulary = trim.vocabulary();
            return this;
        }

        /** @return the request */
        public TrimRequest build() {
            return new TrimRequest(from, out, new Trim(layers, vocabulary));
        }
    }
}
