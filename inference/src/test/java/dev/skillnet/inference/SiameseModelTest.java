package dev.skillnet.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.inference.Predictor;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.skillnet.core.UserInputException;
import dev.skillnet.model.heads.Pooling;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model whose pair task reads its two texts apart (siamese or cosine) answers the same through
 * the API and through DJL's Predictor, a cosine head the same in either order of the texts, and a
 * declaration edited to read pairs another way than the head was trained to is refused when the
 * model loads.
 */
class SiameseModelTest {

    private static final String A = "花呗怎么还";
    private static final String B = "花呗如何还款";

    @Test
    void aSiamesePairTaskAnswersAlikeThroughTheApiAndDjl(@TempDir Path tmp) throws Exception {
        Path pair = RandomModel.save(tmp.resolve("pair"), 21, Pooling.PAIR);
        setPooling(pair.resolve("tasks").resolve("afqmc.json"), "pair");
        Classification asPair;
        try (MultitaskModel m = SkillNet.load(pair)) {
            asPair = m.classify("afqmc", A, B);
        }
        Path dir = RandomModel.save(tmp.resolve("siamese"), 21, Pooling.SIAMESE);
        setPooling(dir.resolve("tasks").resolve("afqmc.json"), "siamese");
        try (MultitaskModel m = SkillNet.load(dir);
                Predictor<TextPair, Classification> p = m.newPairClassifier("afqmc")) {
            Classification api = m.classify("afqmc", A, B);
            assertSame(api, p.predict(new TextPair(A, B)));
            assertNotEquals(asPair.probabilities(), api.probabilities(), "the same weights read the pair another way");
            Classification swapped = m.classify("afqmc", B, A);
            assertNotEquals(api.probabilities(), swapped.probabilities(), "the texts keep their order");
        }
    }

    @Test
    void aCosinePairTaskAnswersAlikeThroughTheApiAndDjlAndInEitherOrder(@TempDir Path tmp) throws Exception {
        Path dir = RandomModel.save(tmp.resolve("model"), 21); // afqmc's declaration says cosine
        try (MultitaskModel m = SkillNet.load(dir);
                Predictor<TextPair, Classification> p = m.newPairClassifier("afqmc")) {
            Classification api = m.classify("afqmc", A, B);
            assertSame(api, p.predict(new TextPair(A, B)));
            assertSame(api, m.classify("afqmc", B, A)); // a cosine is symmetric
            assertNotEquals(api.probabilities(), m.classify("afqmc", A, "借呗能提前还吗").probabilities());
        }
    }

    @Test
    void aDeclarationThatNoLongerMatchesItsHeadIsRefused(@TempDir Path tmp) throws IOException {
        Path dir = RandomModel.save(tmp.resolve("model"), 21, Pooling.SIAMESE);
        Path afqmc = dir.resolve("tasks").resolve("afqmc.json");
        setPooling(afqmc, "pair");
        UserInputException e = assertThrows(UserInputException.class, () -> SkillNet.load(dir));
        assertTrue(e.getMessage().contains(afqmc.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("field \"pooling\" is pair but the model's head for task afqmc was"
                + " trained with siamese"), e.getMessage());
    }

    /** Asserts two answers alike: the same label, and each probability within 1e-6. */
    private static void assertSame(Classification expected, Classification actual) {
        assertEquals(expected.label(), actual.label());
        for (String label : expected.probabilities().keySet()) {
            assertEquals(expected.probabilities().get(label), actual.probabilities().get(label), 1e-6, label);
        }
    }

    /** Sets {@code "pooling"} of the afqmc head in model.json, or of a declaration. */
    private static void setPooling(Path file, String pooling) throws IOException {
        JsonObject json = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
        if (json.has("heads")) {
            for (JsonElement h : json.getAsJsonArray("heads")) {
                if (h.getAsJsonObject().get("task").getAsString().equals("afqmc")) {
                    h.getAsJsonObject().addProperty("pooling", pooling);
                }
            }
        } else {
            json.addProperty("pooling", pooling);
        }
        Files.writeString(file, json.toString(), StandardCharsets.UTF_8);
    }
}
