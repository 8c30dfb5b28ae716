package dev.skillnet.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.skillnet.core.SharedFixtures;
import dev.skillnet.core.SharedPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code skillnet encode} reproduces the golden fixture from the command line. */
class EncodeCommandTest {

    Path fixture;
    JsonObject expected;

    @BeforeEach
    void fixture() throws IOException {
        fixture = SharedPaths.fixture("tiny-bert-chinese");
        SharedFixtures.require(fixture.resolve("expected.json"), "the tiny BERT golden fixture");
        expected = JsonParser.parseString(Files.readString(fixture.resolve("expected.json"))).getAsJsonObject();
    }

    Path inputs(Path tmp) throws IOException {
        return inputs(expected, tmp);
    }

    /**
     * @param expected the golden fixture's expected.json
     * @param tmp where to write
     * @return its texts as encode's JSON lines input
     */
    static Path inputs(JsonObject expected, Path tmp) throws IOException {
        List<String> lines = new ArrayList<>();
        for (var pair : expected.getAsJsonArray("texts")) {
            JsonObject o = new JsonObject();
            o.addProperty("text", pair.getAsJsonArray().get(0).getAsString());
            if (!pair.getAsJsonArray().get(1).isJsonNull()) {
                o.addProperty("text_pair", pair.getAsJsonArray().get(1).getAsString());
            }
            lines.add(o.toString());
        }
        return Files.write(tmp.resolve("in.jsonl"), lines);
    }

    @Test
    void reproducesGoldenIdsHiddenStatesAndPooledOutput(@TempDir Path tmp) throws IOException {
        for (String skills : new String[] {null, "sequence", "token,pair,general"}) {
            CliRun run = skills == null
                    ? CliRun.of("encode", "--model", fixture.toString(), "--input", inputs(tmp).toString(), "--batch-size", "3")
                    : CliRun.of("encode", "--model", fixture.toString(), "--input", inputs(tmp).toString(), "--skills", skills);
            assertEquals(0, run.code(), run.err());
            String[] lines = run.out().strip().split("\n");
            assertEquals(4, lines.length);
            for (int i = 0; i < lines.length; i++) {
                JsonObject got = JsonParser.parseString(lines[i]).getAsJsonObject();
                JsonArray mask = expected.getAsJsonArray("attention_mask").get(i).getAsJsonArray();
                int n = 0;
                for (var m : mask) {
                    n += m.getAsInt();
                }
                long[] wantIds = new long[n];
                long[] gotIds = new long[got.getAsJsonArray("input_ids").size()];
                for (int t = 0; t < n; t++) {
                    wantIds[t] = expected.getAsJsonArray("input_ids").get(i).getAsJsonArray().get(t).getAsLong();
                }
                for (int t = 0; t < gotIds.length; t++) {
                    gotIds[t] = got.getAsJsonArray("input_ids").get(t).getAsLong();
                }
                assertArrayEquals(wantIds, gotIds);
                assertEquals(n, got.getAsJsonArray("tokens").size());
                assertEquals(n, got.getAsJsonArray("last_hidden_state").size(), "only real tokens are printed");
            }
            assertGoldenHiddenStates(expected, run.out());
        }
    }

    /**
     * Asserts that {@code encode}'s output gives the golden hidden states of every real token and
     * the golden pooled outputs (to 1e-4), whatever ids the model's vocabulary gave the tokens.
     *
     * @param expected the golden fixture's expected.json
     * @param out encode's standard output, one JSON line per input
     */
    static void assertGoldenHiddenStates(JsonObject expected, String out) {
        String[] lines = out.strip().split("\n");
        assertEquals(expected.getAsJsonArray("texts").size(), lines.length);
        for (int i = 0; i < lines.length; i++) {
            JsonObject got = JsonParser.parseString(lines[i]).getAsJsonObject();
            JsonArray wantH = expected.getAsJsonArray("last_hidden_state").get(i).getAsJsonArray();
            JsonArray gotH = got.getAsJsonArray("last_hidden_state");
            for (int t = 0; t < gotH.size(); t++) {
                for (int j = 0; j < 32; j++) {
                    assertEquals(wantH.get(t).getAsJsonArray().get(j).getAsDouble(),
                            gotH.get(t).getAsJsonArray().get(j).getAsDouble(), 1e-4);
                }
            }
            for (int j = 0; j < 32; j++) {
                assertEquals(expected.getAsJsonArray("pooler_output").get(i).getAsJsonArray().get(j).getAsDouble(),
                        got.getAsJsonArray("pooler_output").get(j).getAsDouble(), 1e-4);
            }
        }
    }

    @Test
    void badInputLineIsNamedWithExitCode2AndNoStackTrace(@TempDir Path tmp) throws IOException {
        Path in = Files.writeString(tmp.resolve("in.jsonl"), "{\"text\": \"好\"}\n{\"txt\": \"好\"}\n");
        CliRun run = CliRun.of("encode", "--model", fixture.toString(), "--input", in.toString());
        assertEquals(2, run.code());
        assertTrue(run.err().contains(in + ":2: missing field \"text\""), run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace without --verbose");
        assertEquals("", run.out());
    }

    @Test
    void unknownSkillMissingModelAndEmptyInputAreUserErrors(@TempDir Path tmp) throws IOException {
        Path in = inputs(tmp);
        CliRun skill = CliRun.of("encode", "--model", fixture.toString(), "--input", in.toString(), "--skills", "legal");
        assertEquals(2, skill.code());
        assertTrue(skill.err().contains("unknown skill(s) [legal]"), skill.err());

        CliRun model = CliRun.of("encode", "--model", tmp.resolve("none").toString(), "--input", in.toString());
        assertEquals(2, model.code());
        assertTrue(model.err().contains("model directory does not exist"), model.err());

        Path empty = Files.writeString(tmp.resolve("empty.jsonl"), "\n");
        CliRun none = CliRun.of("encode", "--model", fixture.toString(), "--input", empty.toString());
        assertEquals(2, none.code());
        assertTrue(none.err().contains("no inputs"), none.err());
    }
}
