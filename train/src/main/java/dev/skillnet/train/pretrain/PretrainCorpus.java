package dev.skillnet.train.pretrain;

import dev.skillnet.core.UserInputException;
import dev.skillnet.data.SpanExample;
import dev.skillnet.data.TextExample;
import dev.skillnet.tasks.run.ExampleTexts;
import dev.skillnet.tasks.run.Task;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Text to pre-train on: single texts for masked-LM, and text pairs for the pair objective.
 * Pairs come from the data's own pairs (sentence pairs, question and passage); where there are
 * none, each text long enough is cut at its middle into two halves.
 *
 * @param texts texts, each at least one character
 * @param pairs two-element arrays
 */
public record PretrainCorpus(List<String> texts, List<String[]> pairs) {

    public PretrainCorpus {
        texts = List.copyOf(texts);
        pairs = List.copyOf(pairs);
    }

    /**
     * Reads text files, one text per line (blank lines skipped).
     *
     * @param files the files
     * @return the corpus
     */
    public static PretrainCorpus fromFiles(List<Path> files) {
        List<String> texts = new ArrayList<>();
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                throw new UserInputException(f, "text file not found");
            }
            List<String> lines;
            try {
                lines = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(f)))
                        .toString().lines().toList();
            } catch (CharacterCodingException e) {
                throw new UserInputException(f, "invalid UTF-8: " + e.getMessage(), e);
            } catch (IOException e) {
                throw new UserInputException(f, "cannot read: " + e.getMessage(), e);
            }
            int before = texts.size();
            for (String line : lines) {
                if (!line.isBlank()) {
                    texts.add(line.strip());
                }
            }
            if (texts.size() == before) {
                throw new UserInputException(f, "no text: every line is blank");
            }
        }
        return new PretrainCorpus(texts, halves(texts));
    }

    /**
     * The training texts of declared tasks: every text field, with sentence pairs and
     * (question, passage) pairs kept as pairs.
     *
     * @param tasks the tasks (their train splits are read)
     * @return the corpus
     */
    public static PretrainCorpus fromTasks(List<Task<?, ?>> tasks) {
        List<String> texts = new ArrayList<>();
        List<String[]> pairs = new ArrayList<>();
        for (Task<?, ?> t : tasks) {
            for (Object e : t.examples("train")) {
                for (String text : ExampleTexts.of(e)) {
                    if (!text.isBlank()) {
                        texts.add(text);
                    }
                }
                if (e instanceof TextExample te && te.textPair() != null) {
                    pairs.add(new String[] {te.text(), te.textPair()});
                } else if (e instanceof SpanExample se) {
                    pairs.add(new String[] {se.question(), se.context()});
                }
            }
        }
        if (pairs.isEmpty()) {
            pairs = halves(texts);
        }
        return new PretrainCorpus(texts, pairs);
    }

    /**
     * Merges two corpora.
     *
     * @param other the other corpus
     * @return both
     */
    public PretrainCorpus plus(PretrainCorpus other) {
        List<String> t = new ArrayList<>(texts);
        t.addAll(other.texts);
        List<String[]> p = new ArrayList<>(pairs);
        p.addAll(other.pairs);
        return new PretrainCorpus(t, p);
    }

    private static List<String[]> halves(List<String> texts) {
        List<String[]> out = new ArrayList<>();
        for (String text : texts) {
            int n = text.codePointCount(0, text.length());
            if (n >= 4) {
                int cut = text.offsetByCodePoints(0, n / 2);
                out.add(new String[] {text.substring(0, cut), text.substring(cut)});
            }
        }
        return out;
    }
}
