package dev.skillnet.inference.json;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.skillnet.data.Source;
import dev.skillnet.data.TaggedExample;
import dev.skillnet.tasks.kinds.EntityMention;
import dev.skillnet.tasks.kinds.TaggingPrediction;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Sequence labelling: {@code {"text": ...}} in, {@code {"entities", "tags"}} out. */
public final class TaggingJson implements PredictJson<TaggedExample, TaggingPrediction> {

    /** Reads {@code {"text": "..."}}, one character per code point, all tags {@code O}. */
    @Override
    public TaggedExample fromInput(JsonObject input, Source source) {
        String text = JsonFields.string(input, "text", true);
        List<String> chars = text.codePoints().mapToObj(Character::toString).toList();
        return new TaggedExample(chars, Collections.nCopies(chars.size(), "O"), source);
    }

    /**
     * @return {@code {"text": ...}}, the characters joined
     * @throws IllegalArgumentException when a character is more than one code point (the text
     *     would be read back into other characters)
     */
    @Override
    public JsonObject toInput(TaggedExample example) {
        for (String c : example.chars()) {
            if (c.codePointCount(0, c.length()) != 1) {
                throw new IllegalArgumentException(example.source() + ": token '" + c + "' is not one character;"
                        + " a text input reads one token per character");
            }
        }
        JsonObject o = new JsonObject();
        o.addProperty("text", String.join("", example.chars()));
        return o;
    }

    @Override
    public TaggingPrediction fromJson(JsonObject answer) {
        if (!answer.has("tags") || !answer.get("tags").isJsonArray()) {
            throw new FieldException("tags", "field \"tags\" must be a list");
        }
        List<String> tags = new ArrayList<>();
        answer.getAsJsonArray("tags").forEach(t -> tags.add(t.getAsString()));
        List<EntityMention> entities = new ArrayList<>();
        if (answer.has("entities") && answer.get("entities").isJsonArray()) {
            for (JsonElement e : answer.getAsJsonArray("entities")) {
                JsonObject m = e.getAsJsonObject();
                entities.add(new EntityMention(m.get("type").getAsString(), m.get("start").getAsInt(),
                        m.get("end").getAsInt(), m.get("text").getAsString()));
            }
        }
        return new TaggingPrediction(List.copyOf(tags), List.copyOf(entities));
    }

    /** @return {@code {"entities": [{"text", "type", "start", "end"}], "tags": [...]}} */
    @Override
    public JsonObject toJson(TaggedExample example, TaggingPrediction prediction) {
        JsonArray entities = new JsonArray();
        for (EntityMention m : prediction.entities()) {
            JsonObject o = new JsonObject();
            o.addProperty("text", m.text());
            o.addProperty("type", m.type());
            o.addProperty("start", m.start());
            o.addProperty("end", m.end());
            entities.add(o);
        }
        JsonArray tags = new JsonArray();
        prediction.tags().forEach(tags::add);
        JsonObject o = new JsonObject();
        o.add("entities", entities);
        o.add("tags", tags);
        return o;
    }
}
