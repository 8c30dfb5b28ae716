/** Task heads: one dense layer per task over the pooled output or every token, named as HuggingFace's. */
package dev.skillnet.model.heads;
