package dev.skillnet.server;

import dev.skillnet.inference.evaluate.LogitsEngine;

/**
 * How the server listens, gathers requests and bounds what it accepts. Build one with {@link
 * #builder()}; every value has a default.
 *
 * @param host the address to bind
 * @param port the port (0: any free port)
 * @param batching whether concurrent requests to one task are gathered into one forward pass
 * @param maxBatch the most inputs one gathered forward pass holds
 * @param maxWaitMillis how long the first request of a batch waits for others to join it
 * @param maxQueued the most inputs waiting or running at once, over all tasks; beyond it the
 *     server answers 503 with {@code Retry-After} instead of queueing
 * @param maxInputs the most inputs one request may hold
 * @param maxTextChars the longest string field, in Java chars
 * @param maxBodyBytes the largest request body
 * @param drainSeconds on shutdown, how long accepted requests get to finish
 * @param engine what runs the forward passes ({@link LogitsEngine#PYTORCH} unless told)
 */
public record ServerConfig(String host, int port, boolean batching, int maxBatch, int maxWaitMillis, int maxQueued,
        int maxInputs, int maxTextChars, int maxBodyBytes, int drainSeconds, LogitsEngine engine) {

    /** Checks the bounds. */
    public ServerConfig {
        require(port >= 0 && port <= 65535, "port must be in 0..65535, got " + port);
        require(maxBatch > 0, "max batch must be positive, got " + maxBatch);
        require(maxWaitMillis >= 0, "max wait must be >= 0 ms, got " + maxWaitMillis);
        require(maxInputs > 0, "max inputs per request must be positive, got " + maxInputs);
        require(maxQueued >= maxInputs, "max queued inputs (" + maxQueued + ") must be at least max inputs per request ("
                + maxInputs + ")");
        require(maxTextChars > 0, "max text length must be positive, got " + maxTextChars);
        require(maxBodyBytes > 0, "max body size must be positive, got " + maxBodyBytes);
        require(drainSeconds >= 0, "drain time must be >= 0 s, got " + drainSeconds);
        java.util.Objects.requireNonNull(engine, "engine");
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /** @return a builder with every value at its default */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds a {@link ServerConfig}. Defaults: 127.0.0.1:8080; batching on, at most 32 inputs per
     * forward pass, 5 ms of waiting for a batch to fill; 256 inputs queued at most; 64 inputs per
     * request, strings of at most 20,000 chars, bodies of at most 4 MiB; 30 s to drain on shutdown;
     * the model's own PyTorch path.
     */
    public static final class Builder {

        private String host = "127.0.0.1";
        private int port = 8080;
        private boolean batching = true;
        private int maxBatch = 32;
        private int maxWaitMillis = 5;
        private int maxQueued = 256;
        private int maxInputs = 64;
        private int maxTextChars = 20_000;
        private int maxBodyBytes = 4 << 20;
        private int drainSeconds = 30;
        private LogitsEngine engine = LogitsEngine.PYTORCH;

        private Builder() {}

        /** @param v the address to bind @return this builder */
        public Builder optHost(String v) {
            host = v;
            return this;
        }

        /** @param v the port, 0 for any free one @return this builder */
        public Builder optPort(int v) {
            port = v;
            return this;
        }

        /** @param v whether to gather concurrent requests to a task into one forward pass @return this builder */
        public Builder optBatching(boolean v) {
            batching = v;
            return this;
        }

        /** @param v the most inputs per gathered forward pass @return this builder */
        public Builder optMaxBatch(int v) {
            maxBatch = v;
            return this;
        }

        /** @param v how long (ms) a batch waits to fill @return this builder */
        public Builder optMaxWaitMillis(int v) {
            maxWaitMillis = v;
            return this;
        }

        /** @param v the most inputs waiting or running at once @return this builder */
        public Builder optMaxQueued(int v) {
            maxQueued = v;
            return this;
        }

        /** @param v the most inputs per request @return this builder */
        public Builder optMaxInputs(int v) {
            maxInputs = v;
            return this;
        }

        /** @param v the longest string field, in chars @return this builder */
        public Builder optMaxTextChars(int v) {
            maxTextChars = v;
            return this;
        }

        /** @param v the largest request body, in bytes @return this builder */
        public Builder optMaxBodyBytes(int v) {
            maxBodyBytes = v;
            return this;
        }

        /** @param v seconds that accepted requests get to finish on shutdown @return this builder */
        public Builder optDrainSeconds(int v) {
            drainSeconds = v;
            return this;
        }

        /** @param v what runs the forward passes @return this builder */
        public Builder optEngine(LogitsEngine v) {
            engine = v;
            return this;
        }

        /**
         * @return the configuration
         * @throws IllegalArgumentException naming a value out of range
         */
        public ServerConfig build() {
            return new ServerConfig(host, port, batching, maxBatch, maxWaitMillis, maxQueued, maxInputs, maxTextChars,
                    maxBodyBytes, drainSeconds, engine);
        }
    }
}
