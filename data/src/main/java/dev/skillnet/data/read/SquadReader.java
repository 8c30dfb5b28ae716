package dev.skillnet.data.read;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.skillnet.core.UserInputException;
import dev.skillnet.data.Answer;
import dev.skillnet.data.Source;
import dev.skillnet.data.SpanExample;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads SQuAD v1.1 JSON: {@code {"data": [{"id"?, "title"?, "paragraphs": [{"context", "qas":
 * [{"id", "question", "answers": [{"text", "answer_start"}]}]}]}]}}.
 *
 * <p>{@code answer_start} is taken as a Java (UTF-16) char offset, as in CMRC 2018; when that does
 * not match but a code-point offset (as written by Python tools) does, it is converted. {@code
 * answer_start: -1} marks a reference answer not located in the context (kept for evaluation).
 * Any other mismatch is an error naming the question id. The article id is the article's {@code
 * id}, else its {@code title}, else its position.
 */
final class SquadReader {

    private SquadReader() {}

    static FileExamples<SpanExample> read(Path file) {
        String text = Utf8Text.read(file);
        JsonElement root = StrictJson.parse(text, file, 1);
        JsonArray data = array(root, "data", "the file", file);
        LineFinder lines = new LineFinder(text);
        List<SpanExample> out = new ArrayList<>();
        for (int a = 0; a < data.size(); a++) {
            String where = "data[" + a + "]";
            JsonElement article = data.get(a);
            String articleId = articleId(article, a);
            JsonArray paragraphs = array(article, "paragraphs", where, file);
            for (int p = 0; p < paragraphs.size(); p++) {
                String pWhere = where + ".paragraphs[" + p + "]";
                JsonObject paragraph = object(paragraphs.get(p), pWhere, file);
                String context = StrictJson.text(paragraph, "context", pWhere, file, 0);
                JsonArray qas = array(paragraph, "qas", pWhere, file);
                for (int q = 0; q < qas.size(); q++) {
                    String qWhere = pWhere + ".qas[" + q + "]";
                    JsonObject qa = object(qas.get(q), qWhere, file);
                    String id = StrictJson.text(qa, "id", qWhere, file, 0);
                    long line = lines.lineOf(id);
                    String question = StrictJson.text(qa, "question", "question '" + id + "'",
                            file, line);
                    List<Answer> answers = answers(qa, id, context, file, line);
                    out.add(new SpanExample(id, articleId, context, question, answers,
                            new Source(file, line)));
                }
            }
        }
        return new FileExamples<>(file, out, Map.of());
    }

    private static List<Answer> answers(JsonObject qa, String id, String context, Path file,
            long line) {
        String who = "question '" + id + "'";
        JsonArray list = array(qa, "answers", who, file);
        List<Answer> answers = new ArrayList<>();
        for (JsonElement e : list) {
            JsonObject o = object(e, who + " answer", file);
            String text = StrictJson.text(o, "text", who + "'s answer", file, line);
            String startText = StrictJson.text(o, "answer_start", who + "'s answer", file, line);
            int start;
            try {
                start = Integer.parseInt(startText);
            } catch (NumberFormatException ex) {
                throw new UserInputException(file, line, who + ": answer_start must be a whole"
                        + " number, found " + startText);
            }
            answers.add(new Answer(text, locate(context, text, start, who, file, line)));
        }
        if (answers.isEmpty()) {
            throw new UserInputException(file, line, who + " has no answers");
        }
        if (answers.stream().noneMatch(Answer::located)) {
            throw new UserInputException(file, line, who + " has no answer located in its context"
                    + " (every answer_start is -1)");
        }
        return answers;
    }

    private static int locate(String context, String text, int start, String who, Path file,
            long line) {
        if (start == -1) {
            return -1;
        }
        if (start >= 0 && context.startsWith(text, start)) {
            return start;
        }
        int cps = context.codePointCount(0, context.length());
        if (start >= 0 && start <= cps) {
            int chars = context.offsetByCodePoints(0, start);
            if (context.startsWith(text, chars)) {
                return chars;
            }
        }
        String there = start >= 0 && start < context.length()
                ? context.substring(start, Math.min(context.length(), start + text.length()))
                : "";
        throw new UserInputException(file, line, who + ": answer_start " + start
                + " does not match its text '" + text + "' (the context has '" + there
                + "' there)");
    }

    private static String articleId(JsonElement article, int index) {
        if (article.isJsonObject()) {
            for (String key : new String[] {"id", "title"}) {
                JsonElement v = article.getAsJsonObject().get(key);
                if (v != null && v.isJsonPrimitive() && !v.getAsString().isEmpty()) {
                    return v.getAsString();
                }
            }
        }
        return "article#" + index;
    }

    private static JsonObject object(JsonElement e, String where, Path file) {
        if (!e.isJsonObject()) {
            throw new UserInputException(file, 0, where + " must be an object, found "
                    + StrictJson.brief(e));
        }
        return e.getAsJsonObject();
    }

    private static JsonArray array(JsonElement parent, String field, String where, Path file) {
        JsonObject o = object(parent, where, file);
        JsonElement v = o.get(field);
        if (v == null || !v.isJsonArray()) {
            throw new UserInputException(file, 0, v == null
                    ? where + ": field '" + field + "' absent; it has: " + String.join(", ", o.keySet())
                    : where + ": field '" + field + "' must be a list, found " + StrictJson.brief(v));
        }
        return v.getAsJsonArray();
    }

    /** Finds the lines of question ids in the file text, scanning forward once. */
    private static final class LineFinder {
        private final String text;
        private int cursor;
        private long line = 1;

        LineFinder(String text) {
            this.text = text;
        }

        long lineOf(String id) {
            int at = text.indexOf("\"" + id + "\"", cursor);
            if (at < 0) {
                return 0;
            }
            for (int i = cursor; i < at; i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                }
            }
            cursor = at;
            return line;
        }
    }
}
