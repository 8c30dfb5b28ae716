package dev.skillnet.convert.trim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.skillnet.core.SharedFixtures;
import dev.skillnet.core.SharedPaths;
import dev.skillnet.core.UserInputException;
import dev.skillnet.model.bert.BertConfig;
import dev.skillnet.model.checkpoint.SafetensorsFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trimming the tiny golden BERT: what is kept is the original's, byte for byte; bad requests write nothing. */
class EncoderTrimTest {

    Path fixture;
    List<String> vocab;

    @BeforeEach
    void fixture() throws IOException {
        fixture = SharedPaths.fixture("tiny-bert-chinese");
        SharedFixtures.require(fixture.resolve("model.safetensors"), "the tiny BERT golden fixture");
        vocab = Files.readAllLines(fixture.resolve("vocab.txt"), StandardCharsets.UTF_8);
    }

    @Test
    void charactersKeepTheSpecialsAndSingleCharacterPiecesWithTheirRows(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("cut");
        BertConfig c = EncoderTrim.run(TrimRequest.builder().setFrom(fixture).setOut(out)
                .optVocabulary(VocabularyCut.CHARACTERS).build());

        List<String> kept = Files.readAllLines(out.resolve("vocab.txt"), StandardCharsets.UTF_8);
        List<Integer> oldIds = new ArrayList<>();
        for (int i = 0; i < vocab.size(); i++) {
            if (!Set.of("hello", "world", "##ing", "test").contains(vocab.get(i))) { // the fixture's only longer pieces
                oldIds.add(i);
            }
        }
        assertEquals(oldIds.stream().map(vocab::get).toList(), kept);
        assertEquals(kept.size(), c.vocabSize());
        assertEquals(2, c.numHiddenLayers());
        assertEquals(0, c.padTokenId());

        SafetensorsFile before = SafetensorsFile.open(fixture.resolve("model.safetensors"));
        SafetensorsFile after = SafetensorsFile.open(out.resolve("model.safetensors"));
        assertEquals(before.entries().keySet(), after.entries().keySet());
        String words = "bert.embeddings.word_embeddings.weight";
        float[] all = before.readFloats(words);
        float[] cut = after.readFloats(words);
        int h = c.hiddenSize();
        assertEquals(kept.size() * h, cut.length);
        for (int i = 0; i < kept.size(); i++) {
            int old = oldIds.get(i);
            for (int j = 0; j < h; j++) {
                assertEquals(all[old * h + j], cut[i * h + j], 0f, kept.get(i));
            }
        }
        for (String name : before.entries().keySet()) {
            if (!EncoderTrim.BY_WORDPIECE.contains(name)) {
                assertArrayEquals(before.readFloats(name), after.readFloats(name), 0f, name);
            }
        }
        assertTrue(Files.readString(out.resolve(EncoderTrim.TRIM_JSON)).contains("\"wordpieces\": " + kept.size()));
    }

    @Test
    void layersKeepTheLowestOnesWithTheirOutputCentredAndNothingElseChanges(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("one-layer");
        BertConfig c = EncoderTrim.run(TrimRequest.builder().setFrom(fixture).setOut(out).optLayers(1).build());
        assertEquals(1, c.numHiddenLayers());
        assertEquals(vocab.size(), c.vocabSize());
        assertEquals(vocab, Files.readAllLines(out.resolve("vocab.txt"), StandardCharsets.UTF_8));

        String topBias = "bert.encoder.layer.0.output.LayerNorm.bias";
        SafetensorsFile before = SafetensorsFile.open(fixture.resolve("model.safetensors"));
        SafetensorsFile after = SafetensorsFile.open(out.resolve("model.safetensors"));
        for (String name : before.entries().keySet()) {
            if (name.startsWith("bert.encoder.layer.1.")) {
                assertFalse(after.entries().containsKey(name), name);
            } else if (!name.equals(topBias)) {
                assertArrayEquals(before.readFloats(name), after.readFloats(name), 0f, name);
            }
        }
        assertEquals(before.entries().size() - 16, after.entries().size(), "a BERT layer is 16 tensors");

        float[] shift = new float[c.hiddenSize()];
        float largest = 0f;
        for (int j = 0; j < shift.length; j++) {
            shift[j] = after.readFloats(topBias)[j] - before.readFloats(topBias)[j];
            largest = Math.max(largest, Math.abs(shift[j]));
        }
        assertTrue(largest > 1e-3f, "the top layer's output was not centred");
        float[] mean = TopLayerCentring.meanOutput(out);
        for (int j = 0; j < mean.length; j++) {
            assertEquals(0f, mean[j], 1e-4f, "mean output over the probe, dimension " + j);
        }
        JsonObject provenance = JsonParser.parseString(Files.readString(out.resolve(EncoderTrim.TRIM_JSON)))
                .getAsJsonObject();
        assertEquals(largest, provenance.get("top_output_centred_by_at_most").getAsFloat(), 1e-5f);
    }

    @Test
    void badRequestsAreNamedAndWriteNothing(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        UserInputException tooMany = assertThrows(UserInputException.class, () -> EncoderTrim.run(
                TrimRequest.builder().setFrom(fixture).setOut(out).optLayers(3).build()));
        assertTrue(tooMany.getMessage().contains("more layers than the encoder's 2"), tooMany.getMessage());

        Path noVocab = Files.createDirectories(tmp.resolve("no-vocab"));
        Files.copy(fixture.resolve("config.json"), noVocab.resolve("config.json"));
        Files.copy(fixture.resolve("model.safetensors"), noVocab.resolve("model.safetensors"));
        UserInputException none = assertThrows(UserInputException.class, () -> EncoderTrim.run(TrimRequest.builder()
                .setFrom(noVocab).setOut(out).optVocabulary(VocabularyCut.CHARACTERS).build()));
        assertTrue(none.getMessage().contains("needs a vocab.txt"), none.getMessage());

        Files.write(noVocab.resolve("vocab.txt"), vocab.subList(0, 10), StandardCharsets.UTF_8);
        UserInputException shortVocab = assertThrows(UserInputException.class, () -> EncoderTrim.run(TrimRequest
                .builder().setFrom(noVocab).setOut(out).optVocabulary(VocabularyCut.CHARACTERS).build()));
        assertTrue(shortVocab.getMessage().contains("has 10 wordpieces but config.json's vocab_size is 66"),
                shortVocab.getMessage());

        assertThrows(UserInputException.class, () -> EncoderTrim.run(TrimRequest.builder()
                .setFrom(tmp.resolve("missing")).setOut(out).optLayers(1).build()));
        assertFalse(Files.exists(out));
        try (var left = Files.list(tmp)) {
            assertEquals(List.of("no-vocab"), left.map(p -> p.getFileName().toString()).toList(), "no temporary folder left");
        }
    }

    @Test
    void theCharacterCutKeepsOneCodePointPiecesOnly() {
        VocabularyCut cut = VocabularyCut.CHARACTERS;
        for (String keep : List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "我", "##我", "a", "##9", "😀", "##😀")) {
            assertTrue(cut.keeps(keep), keep);
        }
        for (String drop : List.of("[unused1]", "hello", "##ing", "##", "中国", "<S>")) {
            assertFalse(cut.keeps(drop), drop);
        }
        assertTrue(VocabularyCut.ALL.keeps("[unused1]"));
    }
}
