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
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model whose pair task reads its two texts apart answers the same through the API and through
 * DJL's Predictor, and a declaration edited to read pairs another way than the head was trained
 * to is refused when the model loads.
 */
class SiameseModelTest {

    private static final String A = "花呗怎么还";
    private static final String B = "花呗如何还款";

    @Test
    void aSiamesePairTaskAnswersAlikeThroughTheApiAndDjl(@TempDir Path tmp) throws Exception {
        Path dir = RandomModel.save(tmp.resolve("model"), 21);
        setPooling(dir.resolve("model.json"), "pair");
        setPooling(dir.resolve("tasks").resolve("afqmc.json"), "pair");
        Classification asPair;
        try (MultitaskModel m = SkillNet.load(dir)) {
            asPair = m.classify("afqmc", A, B);
        }
        setPooling(dir.resolve("model.json"), "siamese");
        setPooling(dir.resolve("tasks").resolve("afqmc.json"), "siamese");
        try (MultitaskModel m = SkillNet.load(dir);
                Predictor<TextPair, Classification> p = m.newPairClassifier("afqmc")) {
            Classification api = m.classify("afqmc", A, B);
            Classification djl = p.predict(new TextPair(A, B));
            assertEquals(api.label(), djl.label());
            for (String label : api.probabilities().keySet()) {
                assertEquals(api.probabilities().get(label), djl.probabilities().get(label), 1e-6, label);
            }
            assertNotEquals(asPair.probabilities(), api.probabilities(), "the same weights read the pair another way");
            Classification swapped = m.classify("afqmc", B, A);
            assertNotEquals(api.probabilities(), swapped.probabilities(), "the texts keep their order");
        }
    }

    @Test
    void aDeclarationThatNoLongerMatchesItsHeadIsRefused(@TempDir Path tmp) throws IOException {
        Path dir = RandomModel.save(tmp.resolve("model"), 21);
        Path afqmc = dir.resolve("tasks").resolve("afqmc.json");
        setPooling(dir.resolve("model.json"), "siamese");
        setPooling(afqmc, "pair");
        UserInputException e = assertThrows(UserInputException.class, () -> SkillNet.load(dir));
        assertTrue(e.getMessage().contains(afqmc.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("field \"pooling\" is pair but the model's head for task afqmc was"
                + " trained with siamese"), e.getMessage());
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
