/**
 * Dataset readers: {@link dev.skillnet.data.read.DatasetReader} reads the splits a {@link
 * dev.skillnet.data.DataSpec} declares from tsv, csv, jsonl, conll, ner_jsonl or SQuAD files,
 * with strict UTF-8 and JSON, seeded fraction splits, and errors that name file and line.
 */
package dev.skillnet.data.read;
