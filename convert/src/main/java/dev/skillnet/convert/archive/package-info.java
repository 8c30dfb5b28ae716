/** Finds a model's files in a folder, a jar or a zip, zips nested in it included. */
package dev.skillnet.convert.archive;
