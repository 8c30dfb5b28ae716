package dev.skillnet.tasks.declare;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test helper: writes declaration files into a directory. */
final class DeclarationFiles {

    private final Path dir;

    DeclarationFiles(Path dir) {
        this.dir = dir;
    }

    /** A complete, valid declaration of the ChnSentiCorp sentiment task. */
    static JsonObject chnsenticorp() {
        return json("""
                {
                  "name": "chnsenticorp",
                  "type": "single_text_classification",
                  "description": "Hotel review sentiment (positive/negative)",
                  "skills": ["sequence", "sentiment", "general"],
                  "data": {"dir": "chnsenticorp", "format": "tsv"},
                  "labels": ["0", "1"]
                }""");
    }

    /** A valid span-extraction declaration (CMRC 2018). */
    static JsonObject cmrc2018() {
        return json("""
                {
                  "name": "cmrc2018",
                  "type": "span_extraction",
                  "skills": ["question", "general"],
                  "data": {"dir": "cmrc2018"},
                  "max_length": 384,
                  "doc_stride": 128,
                  "max_answer_length": 40
                }""");
    }

    /** A valid sequence-labelling declaration (MSRA NER). */
    static JsonObject msraNer() {
        return json("""
                {
                  "name": "msra_ner",
                  "type": "sequence_labeling",
                  "skills": ["token", "entity", "general"],
                  "data": {"dir": "msra_ner"},
                  "labels": ["PER", "LOC", "ORG"]
                }""");
    }

    static JsonObject json(String text) {
        return JsonParser.parseString(text).getAsJsonObject();
    }

    /** Writes {@code value} pretty-printed to {@code dir/fileName}. */
    Path write(String fileName, JsonElement value) {
        return writeText(fileName, new GsonBuilder().setPrettyPrinting().create().toJson(value) + "\n");
    }

    Path writeText(String fileName, String text) {
        try {
            return Files.writeString(dir.resolve(fileName), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
