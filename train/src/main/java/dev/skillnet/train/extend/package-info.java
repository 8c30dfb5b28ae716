/** New-task extension: add a declared task (with existing skills or one new skill) to a trained model. */
package dev.skillnet.train.extend;
