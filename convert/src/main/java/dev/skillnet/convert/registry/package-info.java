/**
 * The pretrained encoders the tool knows by name, where their Maven artifacts are found locally,
 * and the cache of their imported folders.
 */
package dev.skillnet.convert.registry;
