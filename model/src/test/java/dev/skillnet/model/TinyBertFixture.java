package dev.skillnet.model;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.skillnet.core.SharedFixtures;
import dev.skillnet.core.SharedPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The golden fixture {@code shared/fixtures/tiny-bert-chinese}: inputs and HuggingFace's outputs. */
final class TinyBertFixture {

    final Path dir;
    final long[][] inputIds;
    final long[][] tokenTypeIds;
    final long[][] attentionMask;
    final float[][][] lastHiddenState;
    final float[][] poolerOutput;

    private TinyBertFixture(Path dir, JsonObject o) {
        this.dir = dir;
        inputIds = longs2(o.getAsJsonArray("input_ids"));
        tokenTypeIds = longs2(o.getAsJsonArray("token_type_ids"));
        attentionMask = longs2(o.getAsJsonArray("attention_mask"));
        JsonArray lhs = o.getAsJsonArray("last_hidden_state");
        lastHiddenState = new float[lhs.size()][][];
        for (int i = 0; i < lhs.size(); i++) {
            lastHiddenState[i] = floats2(lhs.get(i).getAsJsonArray());
        }
        poolerOutput = floats2(o.getAsJsonArray("pooler_output"));
    }

    /** Loads the fixture, or skips the calling test with a message when it is absent. */
    static TinyBertFixture load() throws IOException {
        Path dir = SharedPaths.fixture("tiny-bert-chinese");
        SharedFixtures.require(dir.resolve("expected.json"), "the tiny BERT golden fixture");
        return new TinyBertFixture(dir, JsonParser.parseString(Files.readString(dir.resolve("expected.json")))
                .getAsJsonObject());
    }

    /** @return the number of real (unpadded) tokens of input {@code i} */
    int length(int i) {
        int n = 0;
        for (long m : attentionMask[i]) {
            n += (int) m;
        }
        return n;
    }

    private static long[][] longs2(JsonArray a) {
        long[][] out = new long[a.size()][];
        for (int i = 0; i < a.size(); i++) {
            JsonArray row = a.get(i).getAsJsonArray();
            out[i] = new long[row.size()];
            for (int j = 0; j < row.size(); j++) {
                out[i][j] = row.get(j).getAsLong();
            }
        }
        return out;
    }

    private static float[][] floats2(JsonArray a) {
        float[][] out = new float[a.size()][];
        for (int i = 0; i < a.size(); i++) {
            JsonArray row = a.get(i).getAsJsonArray();
            out[i] = new float[row.size()];
            for (int j = 0; j < row.size(); j++) {
                out[i][j] = row.get(j).getAsFloat();
            }
        }
        return out;
    }
}
