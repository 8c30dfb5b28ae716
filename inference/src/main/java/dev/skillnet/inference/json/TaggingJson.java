package dev.skillnet.inference.json;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.skillnet.data.Source;
import dev.skillnet.data.TaggedExample;
import dev.skillnet.tasks.kinds.EntityMention;
import dev.skillnet.tasks.kinds.TaggingPrediction;
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
