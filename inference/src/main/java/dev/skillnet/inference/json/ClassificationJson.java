package dev.skillnet.inference.json;

import com.google.gson.JsonObject;
import dev.skillnet.data.Source;
import dev.skillnet.data.TextExample;
import dev.skillnet.tasks.kinds.ClassPrediction;

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
