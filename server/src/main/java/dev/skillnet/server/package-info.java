/**
 * {@code skillnet serve}: a trained multitask model over HTTP with a JSON API, on Javalin (Jetty
 * 12). One process holds one copy of the shared encoder and answers every task; concurrent
 * requests to a task are gathered into one forward pass ({@link dev.skillnet.server.Batcher});
 * bounds on bodies, strings, inputs and the queue keep any client from exhausting it. Depends on
 * the inference module only: no training code.
 */
package dev.skillnet.server;
