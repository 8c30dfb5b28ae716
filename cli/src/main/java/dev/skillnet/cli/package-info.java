/**
 * The {@code skillnet} command-line tool: {@link dev.skillnet.cli.Main} and one class per
 * subcommand. User errors exit with code 2 and a {@code file:line: reason} message.
 */
package dev.skillnet.cli;
