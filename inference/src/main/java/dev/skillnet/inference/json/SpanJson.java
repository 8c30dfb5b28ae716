package dev.skillnet.inference.json;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import dev.skillnet.data.Source;
import dev.skillnet.data.SpanExample;
import dev.skillnet.tasks.kinds.SpanPrediction;
import java.util.List;

/** Reading comprehension: {@code {"question", "context", "id"?}} in, {@code {"answer", "start", "end", "score", "probability"}} out. */
public final class SpanJson implements PredictJson<SpanExample, SpanPrediction> {

    /** Reads {@code {"context": "...", "question": "...", "id": "..."}} ({@code id} optional). */
    @Override
    public SpanExample fromInput(JsonObject input, Source source) {
        String context = JsonFields.string(input, "context", true);
        String question = JsonFields.string(input, "question", true);
        String id = JsonFields.string(input, "id", false);
        return new SpanExample(id != null ? id : "line-" + source.line(), "", context, question, List.of(), source);
    }

    /** @return {@code {"question": ..., "context": ..., "id": ...}} */
    @Override
    public JsonObject toInput(SpanExample example) {
        JsonObject o = new JsonObject();
        o.addProperty("question", example.question());
        o.addProperty("context", example.context());
        o.addProperty("id", example.id());
        return o;
    }

    @Override
    public SpanPrediction fromJson(JsonObject answer) {
        String text = JsonFields.string(answer, "answer", true);
        JsonElement score = answer.get("score");
        JsonElement p = answer.get("probability");
        return new SpanPrediction(text, answer.get("start").getAsInt(), answer.get("end").getAsInt(),
                score == null || score.isJsonNull() ? Double.NEGATIVE_INFINITY : score.getAsDouble(),
                p == null || p.isJsonNull() ? Double.NaN : p.getAsDouble());
    }

    /**
     * @return {@code {"answer": text, "start": s, "end": e, "score": x, "probability": p}} (score
     *     null if none)
     */
    @Override
    public JsonObject toJson(SpanExample example, SpanPrediction prediction) {
        JsonObject o = new JsonObject();
        o.addProperty("answer", prediction.text());
        o.addProperty("start", prediction.start());
        o.addProperty("end", prediction.end());
        if (Double.isFinite(prediction.score())) {
            o.addProperty("score", prediction.score());
        } else {
            o.add("score", JsonNull.INSTANCE);
        }
        if (!Double.isNaN(prediction.probability())) {
            o.addProperty("probability", prediction.probability());
        }
        return o;
    }
}
