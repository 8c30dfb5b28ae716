package dev.skillnet.inference;

import dev.skillnet.inference.evaluate.LogitsEngine;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Loads trained SkillNet models: {@code SkillNet.load(dir)} for the defaults, {@code
 * SkillNet.builder().setModel(dir).optBatchSize(16).load()} to change them.
 */
public final class SkillNet {

    /** Inputs per forward pass unless {@link Builder#optBatchSize} says otherwise. */
    public static final int DEFAULT_BATCH_SIZE = 64;

    private SkillNet() {}

    /**
     * Loads a trained model folder (as {@code skillnet train} writes it, e.g. {@code runs/demo/best})
     * with the default options.
     *
     * @param dir the model folder
     * @return the model; close it when done
     * @throws dev.skillnet.core.UserInputException when the folder is missing, incomplete or corrupt
     */
    public static MultitaskModel load(Path dir) {
        return builder().setModel(dir).load();
    }

    /** @return a builder of the load options */
    public static Builder builder() {
        return new Builder();
    }

    /** The options of a load: the model folder (required), the batch size and what runs the forward passes. */
    public static final class Builder {

        private Path model;
        private int batchSize = DEFAULT_BATCH_SIZE;
        private LogitsEngine engine = LogitsEngine.PYTORCH;

        private Builder() {}

        /**
         * @param dir the trained model folder
         * @return this builder
         */
        public Builder setModel(Path dir) {
            this.model = Objects.requireNonNull(dir, "dir");
            return this;
        }

        /**
         * @param size inputs per forward pass of the {@code *All} methods (default {@value
         *     #DEFAULT_BATCH_SIZE}); long inputs go fewer at a time
         * @return this builder
         */
        public Builder optBatchSize(int size) {
            if (size < 1) {
                throw new IllegalArgumentException("batch size must be at least 1: " + size);
            }
            this.batchSize = size;
            return this;
        }

        /**
         * @param engine what runs the forward passes of the {@code classify}, {@code tag} and
         *     {@code answer} methods (default {@link LogitsEngine#PYTORCH}, the model's own path;
         *     the {@code skillnet-onnx} module's {@code EvalEngine.ONNX} runs each task in ONNX
         *     Runtime, with the same predictions, faster)
         * @return this builder
         */
        public Builder optEngine(LogitsEngine engine) {
            this.engine = Objects.requireNonNull(engine, "engine");
            return this;
        }

        /**
         * @return the loaded model; close it when done
         * @throws IllegalStateException when no model folder was set
         * @throws dev.skillnet.core.UserInputException when the folder is missing, incomplete or
         *     corrupt
         */
        public MultitaskModel load() {
            if (model == null) {
                throw new IllegalStateException("no model folder: call setModel(dir) first");
            }
            return MultitaskModel.open(model, batchSize, engine);
        }
    }
}
