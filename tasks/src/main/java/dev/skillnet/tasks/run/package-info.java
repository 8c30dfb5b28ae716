/** Declared tasks made ready to run: their kind, resolved labels, and lazily read and featurized splits. */
package dev.skillnet.tasks.run;
