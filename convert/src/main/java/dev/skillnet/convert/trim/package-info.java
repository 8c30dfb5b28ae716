/**
 * Makes an imported encoder smaller: its lowest layers only, and/or only the wordpieces that
 * Chinese text can use ({@code skillnet trim}, and {@code --init mbert-zh}); a layer cut's output
 * is centred ({@code TopLayerCentring}).
 */
package dev.skillnet.convert.trim;
