/**
 * Task data: the {@link dev.skillnet.data.DataSpec} parsed from a declaration's {@code "data"}
 * object, and the example records the readers produce ({@link dev.skillnet.data.TextExample},
 * {@link dev.skillnet.data.TaggedExample}, {@link dev.skillnet.data.SpanExample}).
 */
package dev.skillnet.data;
