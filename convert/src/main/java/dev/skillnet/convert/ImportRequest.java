package dev.skillnet.convert;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What to import and where.
 *
 * @param from a jar, a zip (zips nested in it too) or a folder holding an ONNX BERT export or a
 *     TensorFlow checkpoint / SavedModel variables bundle
 * @param out the HuggingFace-layout folder to write (replaced atomically)
 * @param heads attention heads when the source does not say; 0 means hidden/64
 */
public record ImportRequest(Path from, Path out, int heads) {

    /** Checks the values. */
    public ImportRequest {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(out, "out");
        if (heads < 0) {
            throw new IllegalArgumentException("heads must be positive, got " + heads);
        }
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link ImportRequest}: {@code set*} for required values, {@code opt*} for optional ones. */
    public static final class Builder {
        private Path from;
        private Path out;
        private int heads;

        private Builder() {}

        /** @param from the archive or folder to import from; required */
        public Builder setFrom(Path from) {
            this.from = from;
            return this;
        }

        /** @param out the folder to write; required */
        public Builder setOut(Path out) {
            this.out = out;
            return this;
        }

        /** @param heads attention heads where the source does not record them (default hidden/64) */
        public Builder optHeads(int heads) {
            this.heads = heads;
            return this;
        }

        /** @return the request */
        public ImportRequest build() {
            return new ImportRequest(from, out, heads);
        }
    }
}
