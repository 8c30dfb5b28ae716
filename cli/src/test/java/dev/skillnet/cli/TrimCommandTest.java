package dev.skillnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.skillnet.core.SharedFixtures;
import dev.skillnet.core.SharedPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code skillnet trim}: a character-cut encoder reads Chinese text exactly as the golden fixture says. */
class TrimCommandTest {

    @Test
    void characterCutEncoderReproducesTheGoldenHiddenStates(@TempDir Path tmp) throws IOException {
        Path fixture = SharedPaths.fixture("tiny-bert-chinese");
        SharedFixtures.require(fixture.resolve("expected.json"), "the tiny BERT golden fixture");
        JsonObject expected = JsonParser.parseString(Files.readString(fixture.resolve("expected.json"))).getAsJsonObject();
        Path out = tmp.resolve("cut");

        CliRun trim = CliRun.of("trim", "--from", fixture.toString(), "--out", out.toString(), "--vocabulary", "characters");
        assertEquals(0, trim.code(), trim.err());
        assertTrue(trim.out().contains("2 layers, hidden 32, 4 heads, vocabulary 62"), trim.out());

        CliRun run = CliRun.of("encode", "--model", out.toString(), "--input",
                EncodeCommandTest.inputs(expected, tmp).toString());
        assertEquals(0, run.code(), run.err());
        EncodeCommandTest.assertGoldenHiddenStates(expected, run.out());
    }

    @Test
    void nothingToTrimTooManyLayersAndUnknownCutsAreUserErrors(@TempDir Path tmp) {
        Path fixture = SharedPaths.fixture("tiny-bert-chinese");
        SharedFixtures.require(fixture.resolve("model.safetensors"), "the tiny BERT golden fixture");
        Path out = tmp.resolve("out");
        CliRun nothing = CliRun.of("trim", "--from", fixture.toString(), "--out", out.toString());
        assertEquals(2, nothing.code());
        assertTrue(nothing.err().contains("nothing to trim"), nothing.err());

        CliRun layers = CliRun.of("trim", "--from", fixture.toString(), "--out", out.toString(), "--layers", "5");
        assertEquals(2, layers.code());
        assertTrue(layers.err().contains("--layers 5 asks for more layers than the encoder's 2"), layers.err());

        CliRun cut = CliRun.of("trim", "--from", fixture.toString(), "--out", out.toString(), "--vocabulary", "han");
        assertEquals(2, cut.code());
        assertTrue(cut.err().contains("--vocabulary must be all or characters, got 'han'"), cut.err());

        CliRun unknown = CliRun.of("trim", "--from", "bert-tiny-zh", "--out", out.toString(), "--layers", "1");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("unknown encoder 'bert-tiny-zh'"), unknown.err());
        assertFalse(Files.exists(out));
    }
}
