/**
 * BERT WordPiece tokenization: {@link dev.skillnet.data.tokenize.BertTokenizer} loads a tokenizer
 * from local files (tokenizer.json or vocab.txt) and produces {@link
 * dev.skillnet.data.tokenize.Encoded} inputs for single texts, text pairs, per-character tagging
 * and reading-comprehension windows, with offsets into the original Java strings.
 */
package dev.skillnet.data.tokenize;
