/**
 * Files and folders written whole or not at all: each is written under a temporary name beside
 * its destination and renamed into place, so an interrupted run never leaves a half-written one.
 */
package dev.skillnet.core.io;
