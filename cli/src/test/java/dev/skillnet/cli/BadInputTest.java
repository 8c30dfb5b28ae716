package dev.skillnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skillnet.core.SharedFixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input through the command line, one case per row: each names the file and the line or
 * field and what is wrong, exits with code 2 (0 for the cases that are warnings), prints no
 * stack trace, and leaves no results behind. docs/RELIABILITY.md lists the same cases.
 */
class BadInputTest {

    /** A small valid project: one topic-classification task over JSON lines. */
    static final class Project {
        final Path root;
        final Path tasks;
        final Path data;
        final Path out;

        Project(Path root) throws IOException {
            this.root = root;
            tasks = Files.createDirectories(root.resolve("tasks"));
            data = Files.createDirectories(root.resolve("data").resolve("topic"));
            out = root.resolve("run");
            declare(DECLARATION);
            for (String split : List.of("train", "dev", "test")) {
                List<String> lines = new ArrayList<>();
                for (int i = 0; i < 12; i++) {
                    lines.add("{\"sentence\": \"" + (i % 2 == 0 ? "今天天气很好" : "股票大涨了") + i + "\", \"label\": \""
                            + (i % 2 == 0 ? "a" : "b") + "\"}");
                }
                Files.write(data.resolve(split + ".json"), lines);
            }
        }

        void declare(String json) throws IOException {
            Files.writeString(tasks.resolve("topic.json"), json);
        }

        Path file(String split) {
            return data.resolve(split + ".json");
        }

        String[] train() {
            return train(out);
        }

        String[] train(Path runDir) {
            return new String[] {"train", "--out", runDir.toString(), "--tasks", tasks.toString(), "--data",
                    root.resolve("data").toString(), "--size", "tiny", "--steps", "2", "--batch-size", "4",
                    "--eval-every", "0", "--log-every", "1"};
        }
    }

    static final String DECLARATION = """
            {"name": "topic", "type": "single_text_classification", "skills": ["sequence", "general"],
             "data": {"dir": "topic", "format": "jsonl", "text": "sentence", "label": "label",
                      "splits": {"train": "train.json", "dev": "dev.json", "test": "test.json"}},
             "labels": ["a", "b"], "max_length": 16}
            """;

    /** One row of the table. */
    record Case(String name, Mutation mutation, int code, List<String> fragments) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** Breaks the project and returns the command to run. */
    @FunctionalInterface
    interface Mutation {
        String[] apply(Project p) throws IOException;
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("declaration that is not valid JSON", p -> {
                    p.declare("{\"name\": \"topic\", ");
                    return p.train();
                }, 2, List.of("topic.json", "invalid JSON")),
                new Case("unknown skill", p -> {
                    p.declare(DECLARATION.replace("\"general\"]", "\"humour\"]"));
                    return p.train();
                }, 2, List.of("topic.json", "humour")),
                new Case("unknown task type", p -> {
                    p.declare(DECLARATION.replace("single_text_classification", "poetry"));
                    return p.train();
                }, 2, List.of("topic.json", "poetry")),
                new Case("duplicate task name", p -> {
                    Files.writeString(p.tasks.resolve("again.json"), DECLARATION);
                    return p.train();
                }, 2, List.of("topic.json", "again.json", "topic")),
                new Case("missing data file", p -> {
                    Files.delete(p.file("dev"));
                    return p.train();
                }, 2, List.of("dev.json", "split 'dev'", "not found")),
                new Case("field absent", p -> {
                    Files.writeString(p.file("train"), "{\"text\": \"好\", \"label\": \"a\"}\n");
                    return p.train();
                }, 2, List.of("train.json:1", "'sentence' absent")),
                new Case("label not in the declared set", p -> {
                    List<String> lines = new ArrayList<>(Files.readAllLines(p.file("test")));
                    lines.set(4, "{\"sentence\": \"别的\", \"label\": \"zzz\"}");
                    Files.write(p.file("test"), lines);
                    return p.train();
                }, 2, List.of("test.json:5", "label 'zzz'")),
                new Case("empty split", p -> {
                    Files.writeString(p.file("dev"), "");
                    return p.train();
                }, 2, List.of("dev.json", "no examples")),
                new Case("invalid UTF-8 bytes", p -> {
                    byte[] good = "{\"sentence\": \"好\", \"label\": \"a\"}\n".getBytes(StandardCharsets.UTF_8);
                    byte[] bad = {'{', '"', 's', (byte) 0xC3, (byte) 0x28, '"', '}', '\n'};
                    Files.write(p.file("train"), concat(good, bad));
                    return p.train();
                }, 2, List.of("train.json:2", "invalid UTF-8")),
                new Case("row with too few columns", p -> {
                    p.declare(DECLARATION.replace("\"format\": \"jsonl\", \"text\": \"sentence\", \"label\": \"label\"",
                            "\"format\": \"tsv\", \"header\": false, \"text\": 0, \"label\": 1"));
                    for (String split : List.of("train", "dev", "test")) {
                        Files.writeString(p.file(split), "好\ta\n坏\tb\n只有一列\n");
                    }
                    return p.train();
                }, 2, List.of("train.json:3", "row has 1")),
                new Case("SQuAD answer whose offset does not match its text", p -> {
                    p.declare("""
                            {"name": "topic", "type": "span_extraction", "skills": ["token", "general"],
                             "data": {"dir": "topic", "format": "squad",
                                      "splits": {"train": "train.json", "dev": "dev.json", "test": "test.json"}}}
                            """);
                    String squad = "{\"version\": \"v1\", \"data\": [{\"title\": \"t\", \"id\": \"A1\", \"paragraphs\": "
                            + "[{\"id\": \"P1\", \"context\": \"北京大学创建于1898年。\", \"qas\": [{\"id\": \"Q7\", "
                            + "\"question\": \"哪一年？\", \"answers\": [{\"text\": \"1898年\", \"answer_start\": 3}]}]}]}]}";
                    for (String split : List.of("train", "dev", "test")) {
                        Files.writeString(p.file(split), squad);
                    }
                    return p.train();
                }, 2, List.of("train.json", "Q7", "answer_start 3 does not match")),
                new Case("text longer than max_length is truncated with a counted warning", p -> {
                    Files.writeString(p.file("train"), Files.readString(p.file("train"))
                            + "{\"sentence\": \"" + "长".repeat(100) + "\", \"label\": \"a\"}\n");
                    return p.train();
                }, 0, List.of("1 of 13 examples were longer than max_length 16 and were truncated")),
                new Case("--resume on a folder that holds no run", p -> new String[] {"train", "--resume",
                        p.root.toString()}, 2, List.of("job.json", "not a run folder")),
                new Case("--resume with options of its own", p -> new String[] {"train", "--resume",
                        p.root.toString(), "--steps", "9"}, 2, List.of("--resume continues a run", "drop --steps")),
                new Case("--resume from a corrupt state.json", p -> {
                    Path earlier = p.root.resolve("earlier");
                    assertEquals(0, CliRun.of(p.train(earlier)).code());
                    Files.writeString(earlier.resolve("last").resolve("state.json"), "{\"version\": 1, \"step\": ");
                    return new String[] {"train", "--resume", earlier.toString()};
                }, 2, List.of("state.json", "malformed training state")),
                new Case("--resume from a truncated optimizer.safetensors", p -> {
                    Path earlier = p.root.resolve("earlier");
                    assertEquals(0, CliRun.of(p.train(earlier)).code());
                    Path opt = earlier.resolve("last").resolve("optimizer.safetensors");
                    byte[] bytes = Files.readAllBytes(opt);
                    Files.write(opt, java.util.Arrays.copyOf(bytes, bytes.length / 2));
                    return new String[] {"train", "--resume", earlier.toString()};
                }, 2, List.of("optimizer.safetensors", "truncated")),
                new Case("BIO sequence with a stray I- tag is repaired and counted", p -> {
                    p.declare("""
                            {"name": "topic", "type": "sequence_labeling", "skills": ["token", "general"],
                             "data": {"dir": "topic", "format": "conll", "scheme": "BIO",
                                      "splits": {"train": "train.json", "dev": "dev.json", "test": "test.json"}},
                             "labels": ["PER"], "max_length": 16}
                            """);
                    String good = "李 B-PER\n明 I-PER\n好 O\n\n";
                    String stray = "他 O\n明 I-PER\n好 O\n\n";
                    for (String split : List.of("train", "dev", "test")) {
                        Files.writeString(p.file(split), good.repeat(3) + (split.equals("train") ? stray : ""));
                    }
                    return p.train();
                }, 0, List.of("topic train: 1 stray I- tags repaired to B-")),
                new Case("a trained model with a tensor of the wrong shape", p -> {
                    Path earlier = p.root.resolve("earlier");
                    assertEquals(0, CliRun.of(p.train(earlier)).code());
                    Path weights = earlier.resolve("best").resolve("model.safetensors");
                    var file = dev.skillnet.model.checkpoint.SafetensorsFile.open(weights);
                    var tensors = new java.util.LinkedHashMap<String, dev.skillnet.model.checkpoint.SafetensorsWriter.Tensor>();
                    for (var e : file.entries().entrySet()) {
                        long[] shape = e.getValue().shape();
                        if (e.getKey().equals("heads.topic.classifier.weight")) {
                            shape = new long[] {shape[1], shape[0]};
                        }
                        tensors.put(e.getKey(), new dev.skillnet.model.checkpoint.SafetensorsWriter.Tensor(shape,
                                file.readFloats(e.getKey())));
                    }
                    dev.skillnet.model.checkpoint.SafetensorsWriter.write(weights, tensors, java.util.Map.of());
                    return new String[] {"eval", "--model", earlier.resolve("best").toString(), "--data",
                            p.root.resolve("data").toString(), "--out", p.out.toString()};
                }, 2, List.of("model.safetensors", "wrong shape: heads.topic.classifier.weight")),
                new Case("a trained model whose config.json contradicts its weights", p -> {
                    Path earlier = p.root.resolve("earlier");
                    assertEquals(0, CliRun.of(p.train(earlier)).code());
                    Path config = earlier.resolve("best").resolve("config.json");
                    Files.writeString(config, Files.readString(config).replaceAll("\"intermediate_size\": \\d+",
                            "\"intermediate_size\": 48"));
                    return new String[] {"eval", "--model", earlier.resolve("best").toString(), "--data",
                            p.root.resolve("data").toString(), "--out", p.out.toString()};
                }, 2, List.of("model.safetensors", "wrong shape", "model expects [48,")),
                new Case("--mode that does not exist", p -> {
                    List<String> args = new ArrayList<>(List.of(p.train()));
                    args.addAll(List.of("--mode", "poetry"));
                    return args.toArray(String[]::new);
                }, 2, List.of("mode 'poetry'", "skill, single, dense, moe")),
                new Case("pretrain on a text file that does not exist", p -> new String[] {"pretrain", "--out",
                        p.out.toString(), "--text", p.root.resolve("nowhere.txt").toString(), "--no-from-tasks"},
                        2, List.of("nowhere.txt", "text file not found")),
                new Case("pretrain with an unknown skill", p -> new String[] {"pretrain", "--out", p.out.toString(),
                        "--text", p.file("train").toString(), "--no-from-tasks", "--mlm-skills", "token,humour"},
                        2, List.of("humour", "unknown skill")),
                new Case("empty model directory", p -> new String[] {"eval", "--model", p.root.toString()},
                        2, List.of("not a trained SkillNet model")),
                new Case("model directory that does not exist", p -> new String[] {"encode", "--model",
                        p.root.resolve("nowhere").toString(), "--input", p.file("train").toString()},
                        2, List.of("model directory does not exist")),
                new Case("import: an ONNX file that is not ONNX", p -> {
                    byte[] junk = new byte[4096];
                    new java.util.Random(13).nextBytes(junk);
                    Path onnx = Files.write(p.root.resolve("model.onnx"), junk);
                    return new String[] {"import", "--from", onnx.toString(), "--out", p.out.toString()};
                }, 2, List.of("model.onnx", "ONNX")),
                new Case("import: a checkpoint whose data shard is truncated", p -> {
                    Path google = googleRelease(p);
                    Path data = google.resolve("bert_model.ckpt.data-00000-of-00001");
                    byte[] bytes = Files.readAllBytes(data);
                    Files.write(data, java.util.Arrays.copyOf(bytes, bytes.length - 100));
                    return new String[] {"import", "--from", google.toString(), "--out", p.out.toString()};
                }, 2, List.of("bert_model.ckpt", "truncated")),
                new Case("import: a checkpoint whose data shard is missing", p -> {
                    Path google = googleRelease(p);
                    Files.delete(google.resolve("bert_model.ckpt.data-00000-of-00001"));
                    return new String[] {"import", "--from", google.resolve("bert_model.ckpt.index").toString(),
                            "--out", p.out.toString()};
                }, 2, List.of("bert_model.ckpt.data-00000-of-00001", "missing shard")),
                new Case("import: a checkpoint tensor whose checksum does not match", p -> {
                    Path google = googleRelease(p);
                    Path data = google.resolve("bert_model.ckpt.data-00000-of-00001");
                    byte[] bytes = Files.readAllBytes(data);
                    bytes[bytes.length / 2] ^= 0x40;
                    Files.write(data, bytes);
                    return new String[] {"import", "--from", google.toString(), "--out", p.out.toString()};
                }, 2, List.of("bert_model.ckpt", "crc32c mismatch")),
                new Case("import: an archive with no model in it", p -> {
                    Path zip = p.root.resolve("nothing.zip");
                    try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
                        out.putNextEntry(new java.util.zip.ZipEntry("README.txt"));
                        out.write("no weights here".getBytes(StandardCharsets.UTF_8));
                        out.closeEntry();
                    }
                    return new String[] {"import", "--from", zip.toString(), "--out", p.out.toString()};
                }, 2, List.of("nothing.zip", "no model found")),
                new Case("--init with a name that is neither a folder nor a known encoder", p -> {
                    List<String> args = new ArrayList<>(List.of(p.train()));
                    int size = args.indexOf("--size");
                    args.set(size, "--init");
                    args.set(size + 1, "bert-huge");
                    return args.toArray(String[]::new);
                }, 2, List.of("--init bert-huge", "unknown encoder 'bert-huge'", "bge-small-zh, mbert-cased")),
                new Case("--dropout outside [0, 1)", p -> {
                    List<String> args = new ArrayList<>(List.of(p.train()));
                    args.addAll(List.of("--dropout", "1.5"));
                    return args.toArray(String[]::new);
                }, 2, List.of("dropout must be in [0, 1), got 1.5")),
                new Case("--freeze-layers beyond the encoder's layers", p -> {
                    List<String> args = new ArrayList<>(List.of(p.train()));
                    args.addAll(List.of("--freeze-layers", "9"));
                    return args.toArray(String[]::new);
                }, 2, List.of("frozen layers 9 exceeds the encoder's")),
                new Case("--task-weight for a task that is not declared", p -> {
                    List<String> args = new ArrayList<>(List.of(p.train()));
                    args.addAll(List.of("--task-weight", "topik=2"));
                    return args.toArray(String[]::new);
                }, 2, List.of("a task weight names 'topik', which is not a task", "declared: [topic]")),
                new Case("--test-engine that does not exist", p -> {
                    List<String> args = new ArrayList<>(List.of(p.train()));
                    args.addAll(List.of("--test-engine", "tensorrt"));
                    return args.toArray(String[]::new);
                }, 2, List.of("unknown evaluation engine 'tensorrt'", "[pytorch, onnx, onnx-int8]")),
                new Case("eval --engine that does not exist", p -> new String[] {"eval", "--model",
                        p.root.resolve("model").toString(), "--engine", "onnx-fp16"}, 2,
                        List.of("unknown evaluation engine 'onnx-fp16'", "[pytorch, onnx, onnx-int8]")),
                new Case("--task-weight that is not positive", p -> {
                    List<String> args = new ArrayList<>(List.of(p.train()));
                    args.addAll(List.of("--task-weight", "topic=-1"));
                    return args.toArray(String[]::new);
                }, 2, List.of("the weight of task 'topic' must be a positive number, found -1.0")),
                new Case("extend --task-weight, which has one task to train", p -> new String[] {"extend", "--model",
                        p.root.resolve("model").toString(), "--task", p.tasks.resolve("topic.json").toString(), "--out",
                        p.out.toString(), "--task-weight", "topic=2"}, 2,
                        List.of("--task-weight", "extend trains one task")),
                new Case("--task-order that does not exist", p -> {
                    List<String> args = new ArrayList<>(List.of(p.train()));
                    args.addAll(List.of("--task-order", "shuffled"));
                    return args.toArray(String[]::new);
                }, 2, List.of("invalid task order 'shuffled'", "random or even")),
                new Case("extend --task-order, which has one task to train", p -> new String[] {"extend", "--model",
                        p.root.resolve("model").toString(), "--task", p.tasks.resolve("topic.json").toString(), "--out",
                        p.out.toString(), "--task-order", "even"}, 2,
                        List.of("--task-order", "extend trains one task")),
                new Case("--skip-dev with --eval-every", p -> {
                    List<String> args = new ArrayList<>(List.of(p.train())); // which says --eval-every 0
                    args.add("--skip-dev");
                    return args.toArray(String[]::new);
                }, 2, List.of("--skip-dev evaluates nothing on dev", "--eval-every")),
                new Case("extend --skip-dev, which keeps the new task's best by dev", p -> new String[] {"extend",
                        "--model", p.root.resolve("model").toString(), "--task", p.tasks.resolve("topic.json").toString(),
                        "--out", p.out.toString(), "--skip-dev"}, 2,
                        List.of("--skip-dev", "extend reads the new task's dev scores")),
                new Case("demo --pretrain-steps without --from-scratch", p -> new String[] {"demo", "--out",
                        p.out.toString(), "--pretrain-steps", "10"}, 2,
                        List.of("--pretrain-steps", "--from-scratch", "bge-small-zh")),
                new Case("extend --search-skills with trials of no steps", p -> new String[] {"extend", "--model",
                        p.root.resolve("model").toString(), "--task", p.tasks.resolve("topic.json").toString(), "--out",
                        p.out.toString(), "--search-skills", "--search-steps", "0"}, 2,
                        List.of("steps per search trial must be positive, got 0")),
                new Case("experiment --extend-search-steps without --extend", p -> new String[] {"experiment", "--out",
                        p.out.toString(), "--tasks", p.tasks.toString(), "--data", p.root.resolve("data").toString(),
                        "--modes", "skill", "--extend-search-steps", "5"}, 2,
                        List.of("a skill-set search needs a task to extend with")));
    }

    @org.junit.jupiter.api.BeforeAll
    static void freshMessageTable() throws IOException {
        Files.createDirectories(Path.of("target"));
        Files.deleteIfExists(Path.of("target", "bad-input-messages.md"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachBadInputGetsOneClearMessage(Case c, @TempDir Path tmp) throws IOException {
        Project p = new Project(tmp);
        CliRun run = CliRun.of(c.mutation().apply(p));
        String all = run.err() + run.out();
        assertEquals(c.code(), run.code(), all);
        for (String fragment : c.fragments()) {
            assertTrue(all.contains(fragment), "expected '" + fragment + "' in:\n" + all);
        }
        assertFalse(all.contains("\tat "), "no stack trace without --verbose:\n" + all);
        record(c, run, tmp);
        if (c.code() != 0) {
            assertTrue(run.err().startsWith("error: "), run.err());
            assertFalse(Files.exists(p.out.resolve("results.json")), "no results after an error");
            assertFalse(Files.exists(p.out.resolve("best")), "no checkpoint after an error");
        }
    }

    /**
     * Appends the case's actual message to target/bad-input-messages.md, the source of the table
     * in docs/RELIABILITY.md (the temporary folder shown as DIR).
     */
    private static void record(Case c, CliRun run, Path tmp) throws IOException {
        String message = run.code() == 0
                ? (run.err() + run.out()).lines().filter(l -> l.contains("WARN")).findFirst().orElse("")
                : run.err().lines().findFirst().orElse("");
        message = message.replace(tmp.toString(), "DIR").replaceAll("^\\d\\d:\\d\\d:\\d\\d ", "");
        Files.writeString(Path.of("target", "bad-input-messages.md"),
                "| " + c.name() + " | " + run.code() + " | `" + message + "` |\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }

    /** The golden fixture written by TensorFlow in Google's release layout, under the project's root. */
    static Path googleRelease(Project p) throws IOException {
        Path fixture = dev.skillnet.core.SharedPaths.fixture("tiny-bert-chinese");
        SharedFixtures.require(fixture.resolve("model.safetensors"), "the tiny BERT golden fixture");
        Path google = p.root.resolve("google");
        dev.skillnet.convert.tf.GoogleRelease.write(fixture, google);
        return google;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
