package dev.skillnet.inference.json;

import com.google.gson.JsonObject;
import dev.skillnet.data.Source;
import dev.skillnet.data.TextExample;
import dev.skillnet.tasks.kinds.ClassPrediction;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Classification: {@code {"text": ...}} (and {@code "text_pair"} for pairs) in, {@code {"label", "probabilities"}} out. */
public final class ClassificationJson implements PredictJson<TextExample, ClassPrediction> {

    private final boolean pair;

    /** @param pair whether inputs hold two texts ({@code text_pair} then required) */
    public ClassificationJson(boolean pair) {
        this.pair = pair;
    }

    @Override
    public TextExample fromInput(JsonObject input, Source source) {
        String text = JsonFields.string(input, "text", true);
        String textPair = JsonFields.string(input, "text_pair", pair);
        return new TextExample(text, textPair, null, source);
    }

    /** @return {@code {"text": ...}}, with {@code "text_pair"} for pairs */
    @Override
    public JsonObject toInput(TextExample example) {
        JsonObject o = new JsonObject();
        o.addProperty("text", example.text());
        if (pair) {
            o.addProperty("text_pair", example.textPair());
        }
        return o;
    }

    @Override
    public ClassPrediction fromJson(JsonObject answer) {
        String label = JsonFields.string(answer, "label", true);
        if (!answer.has("probabilities") || !answer.get("probabilities").isJsonObject()) {
            throw new FieldException("probabilities", "field \"probabilities\" must be an object");
        }
        Map<String, Double> p = new LinkedHashMap<>();
        answer.getAsJsonObject("probabilities").entrySet().forEach(e -> p.put(e.getKey(), e.getValue().getAsDouble()));
        return new ClassPrediction(label, Collections.unmodifiableMap(p));
    }

    /** @return {@code {"label": ..., "probabilities": {label: p, ...}}} */
    @Override
    public JsonObject toJson(TextExample example, ClassPrediction prediction) {
        JsonObject o = new JsonObject();
        o.addProperty("label", prediction.label());
        JsonObject p = new JsonObject();
        prediction.probabilities().forEach(p::addProperty);
        o.add("probabilities", p);
        return o;
    }
}
