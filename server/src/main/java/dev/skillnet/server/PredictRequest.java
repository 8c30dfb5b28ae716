package dev.skillnet.server;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.Strictness;
import dev.skillnet.data.Source;
import dev.skillnet.inference.json.FieldException;
import dev.skillnet.inference.json.PredictJson;
import dev.skillnet.inference.json.PredictJsons;
import dev.skillnet.tasks.declare.TaskType;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The body of {@code POST /v1/tasks/{task}/predict}, read and checked before it is queued: one
 * input object or a list of them, each with the fields the task's type reads ({@code text},
 * {@code text_pair}, or {@code question} and {@code context}).
 *
 * @param inputs the input objects, in order
 * @param single whether the body was one object (answered with one object) rather than a list
 */
record PredictRequest(List<JsonObject> inputs, boolean single) {

    /** JSON as RFC 8259 writes it: no comments, unquoted names or single quotes. */
    private static final Gson STRICT = new GsonBuilder().setStrictness(Strictness.STRICT).create();

    /** Where Gson found the fault, in its messages. */
    private static final Pattern WHERE = Pattern.compile("line \\d+ column \\d+");

    /**
     * @param body the raw body
     * @param type the task's type
     * @param config the limits
     * @return the request
     * @throws ApiError 413 for a body over the size limit; 400 naming the field for bad UTF-8,
     *     malformed JSON, a body that is neither an object nor a list of objects, an empty or too
     *     long list, a missing field, a field that is not a string, or a string over the limit
     */
    static PredictRequest parse(byte[] body, TaskType type, ServerConfig config) {
        if (body.length > config.maxBodyBytes()) {
            throw new ApiError(413, null, "the body has " + body.length + " bytes; the limit is "
                    + config.maxBodyBytes());
        }
        JsonElement root = json(utf8(body));
        boolean single = root.isJsonObject();
        List<JsonObject> inputs = new ArrayList<>();
        if (single) {
            inputs.add(root.getAsJsonObject());
        } else if (root.isJsonArray()) {
            JsonArray list = root.getAsJsonArray();
            if (list.isEmpty()) {
                throw ApiError.badRequest(null, "the list of inputs is empty");
            }
            if (list.size() > config.maxInputs()) {
                throw ApiError.badRequest(null, "the list holds " + list.size() + " inputs; the limit is "
                        + config.maxInputs() + " per request");
            }
            for (int i = 0; i < list.size(); i++) {
                if (!list.get(i).isJsonObject()) {
                    throw ApiError.badRequest("[" + i + "]", "input [" + i + "] must be a JSON object, got " + kind(list.get(i)));
                }
                inputs.add(list.get(i).getAsJsonObject());
            }
        } else {
            throw ApiError.badRequest(null, "the body must be a JSON object or a list of objects, got " + kind(root));
        }
        PredictJson<?, ?> codec = PredictJsons.of(type);
        for (int i = 0; i < inputs.size(); i++) {
            String at = single ? "" : "[" + i + "].";
            try {
                codec.fromInput(inputs.get(i), new Source(Path.of("request"), i + 1L));
            } catch (FieldException e) {
                throw ApiError.badRequest(at + e.field(), (single ? "" : "input [" + i + "]: ") + e.getMessage()
                        + " (a " + type.jsonName() + " task reads " + fieldsOf(type) + ")");
            }
            for (Map.Entry<String, JsonElement> f : inputs.get(i).entrySet()) {
                JsonElement v = f.getValue();
                if (v.isJsonPrimitive() && v.getAsJsonPrimitive().isString()
                        && v.getAsString().length() > config.maxTextChars()) {
                    throw ApiError.badRequest(at + f.getKey(), "field \"" + f.getKey() + "\" has "
                            + v.getAsString().length() + " characters; the limit is " + config.maxTextChars());
                }
            }
        }
        return new PredictRequest(List.copyOf(inputs), single);
    }

    /** @return the fields a task type reads, for messages */
    static String fieldsOf(TaskType type) {
        return switch (type) {
            case SINGLE_TEXT_CLASSIFICATION, SEQUENCE_LABELING -> "{\"text\"}";
            case TEXT_PAIR_CLASSIFICATION -> "{\"text\", \"text_pair\"}";
            case SPAN_EXTRACTION -> "{\"question\", \"context\"}";
        };
    }

    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw ApiError.badRequest(null, "the body is not valid UTF-8");
        }
    }

    private static JsonElement json(String text) {
        if (text.isBlank()) {
            throw ApiError.badRequest(null, "the body is empty; send a JSON object or a list of objects");
        }
        try {
            JsonElement e = STRICT.fromJson(text, JsonElement.class); // the whole body, nothing after it
            return e != null ? e : JsonNull.INSTANCE;
        } catch (JsonParseException e) {
            Matcher where = WHERE.matcher(String.valueOf(e.getMessage()));
            throw ApiError.badRequest(null, "the body is not valid JSON" + (where.find() ? " (" + where.group() + ")" : ""));
        }
    }

    private static String kind(JsonElement e) {
        if (e.isJsonNull()) {
            return "null";
        }
        if (e.isJsonArray()) {
            return "a list";
        }
        if (e.isJsonObject()) {
            return "an object";
        }
        return e.getAsJsonPrimitive().isString() ? "a string" : e.getAsJsonPrimitive().isNumber() ? "a number" : "a boolean";
    }
}
